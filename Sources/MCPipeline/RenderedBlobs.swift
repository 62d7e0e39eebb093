import MCBasics
import MCRendering

extension RenderedTree {
    /// Whether `folder` holds exactly these files (the same paths with the same blob ids): then
    /// it is the render, and nothing need be read or compared.
    func isCommitted(as folder: CommittedFolder) -> Bool {
        folder.ordered.count == files.count
            && zip(folder.ordered, files).allSatisfy { committed, file in committed.id == file.id && committed.path == file.path }
    }

    /// The rendered files' bytes by blob id: a snapshot of the committed folder then reads only
    /// the files that differ from the render.
    var blobs: [ObjectID: [UInt8]] {
        Dictionary(files.lazy.map { ($0.id, $0.bytes) }, uniquingKeysWith: { first, _ in first })
    }
}
