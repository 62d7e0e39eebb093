import MCGit
import MCRendering

extension RenderedTree {
    /// Every rendered file by the id git gives its contents, hashed on all cores: a snapshot of
    /// the committed folder then reads only the files that differ from the render.
    package var blobsByID: [GitObjectID: [UInt8]] {
        let ids = Parallel.map(files.count) { GitObjectID.blob(holding: files[$0].bytes) }
        return Dictionary(zip(ids, files.lazy.map(\.bytes)), uniquingKeysWith: { first, _ in first })
    }
}
