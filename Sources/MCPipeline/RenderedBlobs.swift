import MCBasics
import MCRendering

extension RenderedTree {
    /// Every rendered file by the id git gives its contents, hashed on all cores: a snapshot of
    /// the committed folder then reads only the files that differ from the render.
    var blobsByID: [ObjectID: [UInt8]] {
        let ids = Parallel.map(files.count) { ObjectID.blob(holding: files[$0].bytes) }
        return Dictionary(zip(ids, files.lazy.map(\.bytes)), uniquingKeysWith: { first, _ in first })
    }
}
