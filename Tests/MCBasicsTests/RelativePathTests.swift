import MCBasics
import Testing

@Suite struct RelativePathTests {
    static let paths = [
        ".", "a", "a-b", "a.b", "a/b", "a/b/c", "a/b-c", "a/b.c", "a/bc", "a-b/x", "a/-", "ab", "a!/z", "b", "B", "_cluster",
        "c000/_cluster/clusterrole-x.yaml", "c000/exports/kustomization.yaml", "c000/kustomization.yaml", "c000-a/x",
        ".mcapply.json", "é/x", "e/x", "z/日本", "-/x",
    ].map { RelativePath($0)! }

    /// The byte-wise order is the component-wise one, and consistent with equality.
    @Test func ordersComponentByComponent() {
        for a in Self.paths {
            for b in Self.paths {
                #expect((a < b) == a.components.lexicographicallyPrecedes(b.components), "\(a) < \(b)")
                #expect(!(a < b && b < a))
                if !(a < b) && !(b < a) { #expect(a == b, "\(a) ~ \(b)") }
            }
        }
    }

    @Test(arguments: [("a//b/./c", "a/b/c"), ("./x/", "x"), ("", "."), (".", ".")])
    func normalises(text: String, expected: String) throws {
        #expect(try #require(RelativePath(text)).string == expected)
    }

    @Test(arguments: ["/etc/passwd", "../x", "a/../../b", "a/.."])
    func refusesPathsThatLeaveTheRoot(text: String) {
        #expect(RelativePath(text) == nil)
    }
}
