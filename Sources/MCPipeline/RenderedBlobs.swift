import MCBasics
import MCRendering

extension RenderedTree {
    /// Whether `folder` holds exactly these files (the same paths with the same blob ids): then
    /// it is the render, and nothing need be read or compared.
    func isCommitted(as folder: CommittedFolder) -> Bool {
        folder.ordered.count == files.count
            && zip(folder.ordered, files).allSatisfy { committed, file in committed.id == file.id && committed.path == file.path }
    }

}
