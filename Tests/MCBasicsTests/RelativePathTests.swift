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

    /// The buffer sort puts paths where `<` does, the root first and equal paths in their order.
    @Test func sortedIndicesFollowTheOrder() {
        let paths = (Self.paths + Self.paths.reversed()).shuffled()
        let order = RelativePath.sortedIndices(paths)
        #expect(order.map { paths[$0] } == paths.sorted())
        #expect(zip(order, order.dropFirst()).allSatisfy { paths[$0] != paths[$1] || $0 < $1 }, "equal paths keep their order")
    }

    /// What is read from the text alone is what the components say.
    @Test(arguments: paths)
    func readsComponentsFromTheText(path: RelativePath) {
        let parts = path.string == "." ? [] : path.string.split(separator: "/").map(String.init)
        #expect(RelativePath(components: path.components) == path)
        #expect(path.componentCount == parts.count)
        for index in -1...parts.count {
            #expect(path.component(index).map(String.init) == (parts.indices.contains(index) ? parts[index] : nil), "\(path) [\(index)]")
        }
        #expect(path.first.map(String.init) == parts.first)
        #expect(path.name.map(String.init) == parts.last)
        #expect(path.topFolder.map(String.init) == (parts.count > 1 ? parts[0] : nil))
        #expect(path.parent == RelativePath(components: Array(parts.dropLast())))
        #expect(path.parent.appending(name: parts.last ?? "x") == (parts.isEmpty ? RelativePath("x")! : path))
    }

    /// Under a folder means component by component: `a/b` is under `a`, `a-b/x` and `ab` are not.
    @Test func placesPathsUnderFolders() {
        for path in Self.paths {
            for folder in Self.paths {
                let under = path.components.starts(with: folder.components)
                #expect(path.starts(with: folder) == under, "\(path) in \(folder)")
                let inside = under && path.components.count > folder.components.count
                #expect(path.relative(to: folder) == (inside ? RelativePath(components: Array(path.components.dropFirst(folder.components.count))) : nil),
                        "\(path) relative to \(folder)")
                if inside { #expect(folder.appending(path.relative(to: folder)!) == path) }
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
