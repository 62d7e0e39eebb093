import MCBasics
import Testing

@testable import MCRendering

@Suite struct RenderedTreeTests {
    /// Two clusters' files and two top-level files.
    private static let tree = RenderedTree(
        files: ((0..<40).map { "east/ns/file-\($0).yaml" } + (0..<5).map { "west/file-\($0).yaml" } + ["kustomization.yaml", "top.yaml"])
            .map { (path: RelativePath($0)!, bytes: Array($0.utf8)) },
        objects: [], topologyDigest: "sha256:test")

    /// The paths asked for that are not rendered come back in the order given, whichever folders
    /// hold them and however many rendered files are among those asked for.
    @Test(arguments: [
        ["east/ns/file-3.yaml"],
        ["east/ns/file-3.yaml", "east/ns/file-41.yaml"],
        ["west/file-9.yaml", "east/ns/file-1.yaml", "west/file-0.yaml"],
        ["other.yaml", "top.yaml", "north/a.yaml", "north/b/c.yaml"],
        (0..<60).map { "east/ns/file-\(($0 * 7 + 39) % 60).yaml" } + ["west/file-1.yaml", "kustomization.yaml"],
        [],
    ])
    func unrenderedPathsAreThoseNotRendered(asked: [String]) {
        let paths = asked.map { RelativePath($0)! }
        let expected = paths.filter { path in !Self.tree.files.contains { $0.path == path } }
        let present = Self.tree.files.map { file in paths.contains(file.path) }
        #expect(Self.tree.unrendered(paths) { present[$0] } == expected)
    }
}
