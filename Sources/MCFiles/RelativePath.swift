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

    package static func == (a: RelativePath, b: RelativePath) -> Bool { a.string == b.string }
    package func hash(into hasher: inout Hasher) { hasher.combine(string) }

    package static let root = RelativePath(components: [])

    package var description: String { string }

    package var parent: RelativePath { RelativePath(components: Array(components.dropLast())) }

    package func appending(_ other: RelativePath) -> RelativePath {
        RelativePath(components: components + other.components)
    }

    package static func < (a: RelativePath, b: RelativePath) -> Bool { a.components.lexicographicallyPrecedes(b.components) }
}
