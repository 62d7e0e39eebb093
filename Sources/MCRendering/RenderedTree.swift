import MCBasics

/// Everything the rendered folder must hold: the files (paths relative to the folder) and the
/// objects they carry, for the plan. Files are found by path through a table of their positions
/// (`PathTable`, 4 bytes a slot): a plan with changes and an apply look up hundreds of thousands,
/// which a binary search over 200,000 paths made a tenth of a plan from an empty base at XL.
package struct RenderedTree: Sendable {
    /// One file of the folder. Immutable, and a reference: the plan, the commit and the write
    /// each walk and index the tens of thousands of a large mesh, and passing one on is then a
    /// single retain, not one per field.
    package final class File: Sendable {
        package let path: RelativePath
        /// The file's bytes: an object's are written again when the render let them go
        /// (`holdsBytes`), so a reader of many files' bytes should compare ids first.
        package var bytes: [UInt8] { held ?? object!.bytes }
        /// Whether the bytes are in memory (see `RenderedObject.holdsBytes`).
        package var holdsBytes: Bool { held != nil || object?.holdsBytes == true }
        /// The sha256 of `bytes`; `.mcapply.json` records its text.
        package let digest: SHA256Digest
        /// The id git gives a blob of `bytes`: what commits, the index and the comparisons with a
        /// committed folder use.
        package let id: ObjectID
        /// What the file says about the mesh, kept from the document the renderer wrote (nil when
        /// it says nothing, or was not rendered from a document).
        package let facts: RenderedFacts?
        private let held: [UInt8]?
        private let object: RenderedObject?

        package convenience init(path: RelativePath, bytes: [UInt8], digest: SHA256Digest, facts: RenderedFacts? = nil) {
            self.init(path: path, bytes: bytes, digest: digest, id: ObjectID.blob(holding: bytes), facts: facts)
        }

        package init(path: RelativePath, bytes: [UInt8], digest: SHA256Digest, id: ObjectID, facts: RenderedFacts? = nil) {
            self.path = path
            held = bytes
            object = nil
            self.digest = digest
            self.id = id
            self.facts = facts
        }

        /// An object's file, its bytes read from the object.
        init(_ object: RenderedObject) {
            path = object.path
            held = nil
            self.object = object
            digest = object.digest
            id = object.blobID
            facts = object.facts
        }
    }

    /// Sorted by path.
    package let files: [File]
    /// Sorted by path (so by cluster first).
    package let objects: [RenderedObject]
    /// The topology digest recorded in `.mcapply.json`.
    package let topologyDigest: String
    private let table: PathTable

    package init(files: [File], objects: [RenderedObject], topologyDigest: String) {
        self.init(sortedFiles: files.sorted { $0.path < $1.path }, sortedObjects: objects.sorted { $0.path < $1.path },
                  topologyDigest: topologyDigest)
    }

    /// The renderer's tree, whose files and objects are already in path order.
    init(sortedFiles files: [File], sortedObjects objects: [RenderedObject], topologyDigest: String) {
        assert(zip(files, files.dropFirst()).allSatisfy { $0.path < $1.path }, "files in path order")
        assert(zip(objects, objects.dropFirst()).allSatisfy { $0.path < $1.path }, "objects in path order")
        self.files = files
        self.objects = objects
        self.topologyDigest = topologyDigest
        table = PathTable(count: files.count) { files[$0].path }
    }

    /// A tree whose digests are computed here (for trees built by hand).
    package init(files: [(path: RelativePath, bytes: [UInt8])], objects: [RenderedObject], topologyDigest: String) {
        self.init(files: files.map { File(path: $0.path, bytes: $0.bytes, digest: SHA256Digest(of: $0.bytes)) },
                  objects: objects, topologyDigest: topologyDigest)
    }

    package var clusters: [String] { Array(Set(objects.map(\.cluster))).sorted() }

    /// Whether any cluster is rendered (every cluster's folder holds objects): `clusters` without
    /// collecting them.
    package var hasClusters: Bool { !objects.isEmpty }

    /// The file at `path` (the same bytes), if rendered.
    package func file(_ path: RelativePath) -> [UInt8]? {
        rendered(path)?.bytes
    }

    /// The rendered file at `path`, with its digest and id.
    package func rendered(_ path: RelativePath) -> File? {
        position(of: path).map { files[$0] }
    }

    /// Whether a file is rendered at `path`.
    package func holds(_ path: RelativePath) -> Bool { position(of: path) != nil }

    /// Whether the file at `path` is rendered with blob id `id` (a committed file the render
    /// holds exactly: the plan and the apply take its bytes and facts from the render).
    package func holds(_ path: RelativePath, as id: ObjectID) -> Bool { rendered(path)?.id == id }

    /// Those of `paths` (distinct) at which no file is rendered, in their order, where `present(i)`
    /// says whether `files[i]`'s path is among `paths` (a caller that matched them knows). They
    /// are looked for only in the cluster folders (and among the top-level files) holding more of
    /// `paths` than of the rendered files present: dropping one link searches one cluster's
    /// files, not a set of every rendered path.
    package func unrendered(_ paths: some Collection<RelativePath>, present: (Int) -> Bool) -> [RelativePath] {
        func folder(_ path: RelativePath) -> Substring { path.topFolder ?? "" }
        var surplus: [Substring: Int] = [:]
        for path in paths { surplus[folder(path), default: 0] += 1 }
        for index in files.indices where present(index) { surplus[folder(files[index].path), default: 0] -= 1 }
        return paths.filter { surplus[folder($0)] != 0 && !holds($0) }
    }

    /// The facts kept for the file at `path`, if rendered with any.
    package func facts(at path: RelativePath) -> RenderedFacts? {
        position(of: path).flatMap { files[$0].facts }
    }

    private func position(of path: RelativePath) -> Int? {
        table.position(of: path) { files[$0].path }
    }
}
