import MCFiles

/// Everything the rendered folder must hold: the files (paths relative to the folder) and the
/// objects they carry, for the plan.
package struct RenderedTree: Sendable {
    /// Sorted by path.
    package var files: [(path: RelativePath, bytes: [UInt8])]
    /// Sorted by cluster, then path.
    package var objects: [RenderedObject]
    /// The topology digest recorded in `.mcapply.json`.
    package var topologyDigest: String
    /// `sha256:<hex>` of each file as `.mcapply.json` records it (the manifest itself excluded).
    package var digests: [RelativePath: String]

    private let index: [RelativePath: Int]
    private let objectIndex: [RelativePath: Int]

    package init(
        files: [(path: RelativePath, bytes: [UInt8])], objects: [RenderedObject], topologyDigest: String,
        digests: [RelativePath: String] = [:]
    ) {
        self.files = files.sorted { $0.path < $1.path }
        self.objects = objects
        self.topologyDigest = topologyDigest
        self.digests = digests
        index = Dictionary(self.files.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { first, _ in first })
        objectIndex = Dictionary(objects.enumerated().map { ($0.element.path, $0.offset) }, uniquingKeysWith: { first, _ in first })
    }

    /// The object rendered into `path`, if any.
    package func object(at path: RelativePath) -> RenderedObject? {
        objectIndex[path].map { objects[$0] }
    }

    package var clusters: [String] { Array(Set(objects.map(\.cluster))).sorted() }

    /// The file at `path`, if rendered.
    package func file(_ path: RelativePath) -> [UInt8]? {
        index[path].map { files[$0].bytes }
    }
}
