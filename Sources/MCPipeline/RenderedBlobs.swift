import MCBasics
import MCRendering

extension RenderedTree {
    /// Each rendered file's git blob id, in file order (hashed where the file was made).
    var blobIDs: [ObjectID] { files.map(\.id) }

    /// Whether `folder` holds exactly these files (the same paths with the same blob ids, `ids`
    /// being `blobIDs`): then it is the render, and nothing need be read or compared.
    func isCommitted(as folder: CommittedFolder, ids: [ObjectID]) -> Bool {
        folder.blobs.count == files.count && zip(files, ids).allSatisfy { folder.blobs[$0.path] == $1 }
    }

    /// The rendered files' bytes by blob id (`ids`: `blobIDs`): a snapshot of the committed
    /// folder then reads only the files that differ from the render.
    func blobs(ids: [ObjectID]) -> [ObjectID: [UInt8]] {
        Dictionary(zip(ids, files.lazy.map(\.bytes)), uniquingKeysWith: { first, _ in first })
    }
}
