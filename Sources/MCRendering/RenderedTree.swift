import MCFiles

/// Everything the rendered folder must hold: the files (paths relative to the folder) and the
/// objects they carry, for the plan.
package struct RenderedTree: Sendable {
    /// Sorted by path.
    package var files: [(path: RelativePath, bytes: [UInt8])]
    /// Sorted by cluster, then path.
    package var objects: [RenderedObject]

    private let index: [RelativePath: Int]

    package init(files: [(path: RelativePath, bytes: [UInt8])], objects: [RenderedObject]) {
        self.files = files.sorted { $0.path < $1.path }
        self.objects = objects
        index = Dictionary(uniqueKeysWithValues: self.files.enumerated().map { ($0.element.path, $0.offset) })
    }

    package var clusters: [String] { Array(Set(objects.map(\.cluster))).sorted() }

    /// The file at `path`, if rendered.
    package func file(_ path: RelativePath) -> [UInt8]? {
        index[path].map { files[$0].bytes }
    }
}
