/// A normalised path inside some root: never absolute, never `..`, no empty or `.` components.
package struct RelativePath: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let components: [String]
    /// The `/`-joined text (`.` for the root), kept because large meshes ask for it per file.
    package let string: String

    /// Nil when `string` is absolute or climbs out with `..`; `.` and empty components are dropped.
    package init?(_ string: String) {
        guard !string.hasPrefix("/") else { return nil }
        let parts = string.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard !parts.contains("..") else { return nil }
        self.init(components: parts.filter { $0 != "." })
    }

    package init(components: [String]) {
        self.components = components
        string = components.isEmpty ? "." : components.joined(separator: "/")
    }

    /// When the caller has the joined text already (a walk that extends one path by a name at a
    /// time): `joined` is `components` joined by `/`.
    package init(components: [String], joined: String) {
        assert(joined == (components.isEmpty ? "." : components.joined(separator: "/")), "the joined text of the components")
        self.components = components
        string = joined
    }

    package static func == (a: RelativePath, b: RelativePath) -> Bool { a.string == b.string }
    package func hash(into hasher: inout Hasher) { hasher.combine(string) }

    package static let root = RelativePath(components: [])

    package var description: String { string }

    package var parent: RelativePath { RelativePath(components: Array(components.dropLast())) }

    package func appending(_ other: RelativePath) -> RelativePath {
        RelativePath(components: components + other.components)
    }

    /// Component by component, as `components.lexicographicallyPrecedes` would order them, but
    /// over the joined text's bytes with `/` lowest: large meshes sort tens of thousands of paths.
    package static func < (a: RelativePath, b: RelativePath) -> Bool {
        if a.components.isEmpty || b.components.isEmpty { return a.components.isEmpty && !b.components.isEmpty }
        // In place when both texts are contiguous (always, but for strings bridged from elsewhere).
        if let ordered = a.string.utf8.withContiguousStorageIfAvailable({ x in
            b.string.utf8.withContiguousStorageIfAvailable { y in precedes(x, y) }
        }), let ordered {
            return ordered
        }
        var left = a.string
        var right = b.string
        return left.withUTF8 { x in right.withUTF8 { y in precedes(x, y) } }
    }

    /// Byte by byte, `/` lowest, a prefix first.
    private static func precedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(x.count, y.count)
        var index = 0
        while index < common, x[index] == y[index] { index += 1 }
        if index == common { return x.count < y.count }
        if x[index] == slash { return true }
        if y[index] == slash { return false }
        return x[index] < y[index]
    }

    private static let slash = UInt8(ascii: "/")
}
