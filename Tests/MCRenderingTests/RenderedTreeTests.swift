import MCBasics
import Testing

@testable import MCRendering

@Suite struct RenderedTreeTests {
    private static let tree = RenderedTree(
        files: (0..<40).map { (path: RelativePath("east/ns/file-\($0).yaml")!, bytes: Array("n: \($0)\n".utf8)) },
        objects: [], topologyDigest: "sha256:test")

    /// A few paths are searched for one by one, many looked up in a set: the same paths come back,
    /// in the order given.
    @Test(arguments: [1, 3, 200])
    func unrenderedPathsAreThoseNotRendered(count: Int) {
        let paths = (0..<count).map { RelativePath("east/ns/file-\(($0 * 7 + 39) % 60).yaml")! }
        let expected = paths.filter { path in !Self.tree.files.contains { $0.path == path } }
        #expect(Self.tree.unrendered(paths) == expected)
        // Rendered and unrendered paths both asked for (but for the one path, which is rendered).
        #expect(expected.count < count && (!expected.isEmpty || count == 1))
    }
}
