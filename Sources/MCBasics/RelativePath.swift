/// A normalised path inside some root: never absolute, never `..`, no empty or `.` components.
/// Held as its `/`-joined text alone: a large mesh holds two paths per file (the render's and the
/// committed folder's), and a list of components beside the text cost each about 200 bytes more.
/// Components are read from the text where asked.
package struct RelativePath: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The `/`-joined text (`.` for the root).
    package let string: String

    /// Nil when `string` is absolute or climbs out with `..`; `.` and empty components are dropped.
    package init?(_ string: String) {
        guard !string.hasPrefix("/") else { return nil }
        let parts = string.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains("..") else { return nil }
        self.init(components: parts.filter { $0 != "." }.map(String.init))
    }

    package init(components: [String]) {
        string = components.isEmpty ? "." : components.joined(separator: "/")
    }

    /// When the caller has the joined text already (a walk that extends one path by a name at a
    /// time): `joined` is normalised components joined by `/`, or `.`.
    package init(joined: String) {
        assert(joined == "." || !joined.split(separator: "/", omittingEmptySubsequences: false).contains { $0.isEmpty || $0 == "." || $0 == ".." },
               "normalised components joined by /")
        string = joined
    }

    package static func == (a: RelativePath, b: RelativePath) -> Bool { a.string == b.string }
    package func hash(into hasher: inout Hasher) { hasher.combine(string) }

    package static let root = RelativePath(joined: ".")

    package var description: String { string }

    package var isRoot: Bool { string.utf8.count == 1 && string.utf8.first == UInt8(ascii: ".") }

    /// The components, made from the text (an array of new strings: not for walks over every file).
    package var components: [String] { isRoot ? [] : string.split(separator: "/").map(String.init) }

    /// How many components the path has, counted in the text.
    package var componentCount: Int {
        guard !isRoot else { return 0 }
        // Counted over the contiguous bytes: the layout's readers ask it of every path of a plan.
        var text = string
        return text.withUTF8 { bytes in bytes.reduce(1) { $1 == Self.slash ? $0 + 1 : $0 } }
    }

    /// The component at `index`, read in place; nil past the last one.
    package func component(_ index: Int) -> Substring? {
        guard !isRoot, index >= 0 else { return nil }
        var rest = string[...]
        for _ in 0..<index {
            guard let slash = rest.utf8.firstIndex(of: Self.slash) else { return nil }
            rest = rest[rest.utf8.index(after: slash)...]
        }
        return rest.utf8.firstIndex(of: Self.slash).map { rest[..<$0] } ?? rest
    }

    /// The first component (the top-level folder or file), nil for the root.
    package var first: Substring? { component(0) }

    /// The first component when others follow it (the top-level folder the path is under); nil
    /// for a file at the top, and the root.
    package var topFolder: Substring? { string.utf8.firstIndex(of: Self.slash).map { string[..<$0] } }

    /// The last component (the file's own name), nil for the root.
    package var name: Substring? {
        guard !isRoot else { return nil }
        return string.utf8.lastIndex(of: Self.slash).map { string[string.utf8.index(after: $0)...] } ?? string[...]
    }

    package var parent: RelativePath {
        guard !isRoot, let slash = string.utf8.lastIndex(of: Self.slash) else { return .root }
        return RelativePath(joined: String(string[..<slash]))
    }

    /// The path of `name` (one component) inside this one.
    package func appending(name: String) -> RelativePath {
        RelativePath(joined: isRoot ? name : string + "/" + name)
    }

    package func appending(_ other: RelativePath) -> RelativePath {
        other.isRoot ? self : isRoot ? other : RelativePath(joined: string + "/" + other.string)
    }

    /// Whether the path is `folder` or under it, component by component (compared as bytes, as
    /// git compares paths).
    package func starts(with folder: RelativePath) -> Bool {
        folder.isRoot || string.utf8.elementsEqual(folder.string.utf8) || isStrictly(under: folder)
    }

    /// The path relative to `folder`, when strictly under it.
    package func relative(to folder: RelativePath) -> RelativePath? {
        if folder.isRoot { return isRoot ? nil : self }
        guard isStrictly(under: folder) else { return nil }
        return RelativePath(joined: String(string[string.utf8.index(string.startIndex, offsetBy: folder.string.utf8.count + 1)...]))
    }

    /// The text starts with `folder`'s (not the root) and a `/`, and goes on after it.
    private func isStrictly(under folder: RelativePath) -> Bool {
        let length = folder.string.utf8.count
        return string.utf8.count > length + 1 && string.utf8.starts(with: folder.string.utf8)
            && string.utf8[string.utf8.index(string.startIndex, offsetBy: length)] == Self.slash
    }

    /// Component by component, as the components' `lexicographicallyPrecedes` would order them,
    /// but over the text's bytes with `/` lowest: large meshes sort tens of thousands of paths.
    package static func < (a: RelativePath, b: RelativePath) -> Bool {
        if a.isRoot || b.isRoot { return a.isRoot && !b.isRoot }
        // In place when both texts are contiguous (always, but for strings bridged from elsewhere).
        if let ordered = a.string.utf8.withContiguousStorageIfAvailable({ x in
            b.string.utf8.withContiguousStorageIfAvailable { y in textPrecedes(x, y) }
        }), let ordered {
            return ordered
        }
        var left = a.string
        var right = b.string
        return left.withUTF8 { x in right.withUTF8 { y in textPrecedes(x, y) } }
    }

    /// The positions of `paths` in the order `<` puts them (equal paths keeping theirs), compared
    /// as their texts' bytes laid out in one buffer: sorting the paths themselves retains and
    /// releases both strings per comparison, and that was most of a large sort's time.
    package static func sortedIndices(_ paths: [RelativePath]) -> [Int] {
        var text: [UInt8] = []
        text.reserveCapacity(paths.reduce(0) { $0 + $1.string.utf8.count })
        let bounds = paths.map { path in
            let start = text.count
            text.append(utf8: path.string)
            return (start..<text.count, path.isRoot)
        }
        return text.withUnsafeBufferPointer { text in
            bounds.indices.sorted { a, b in
                let ((x, xRoot), (y, yRoot)) = (bounds[a], bounds[b])
                if xRoot || yRoot { return xRoot && !yRoot }
                return textPrecedes(UnsafeBufferPointer(rebasing: text[x]), UnsafeBufferPointer(rebasing: text[y]))
            }
        }
    }

    /// Whether the path whose text is `x` orders before the one whose text is `y` (neither the
    /// root): byte by byte, `/` lowest, a prefix first. The common start is skipped eight bytes
    /// at a time: sorted paths mostly share their cluster's and namespace's names.
    private static func textPrecedes(_ x: UnsafeBufferPointer<UInt8>, _ y: UnsafeBufferPointer<UInt8>) -> Bool {
        let common = min(x.count, y.count)
        var index = 0
        if let left = x.baseAddress.map(UnsafeRawPointer.init), let right = y.baseAddress.map(UnsafeRawPointer.init) {
            while index + 8 <= common {
                let difference = UInt64(littleEndian: left.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                    ^ UInt64(littleEndian: right.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                if difference != 0 {
                    index += difference.trailingZeroBitCount / 8
                    break
                }
                index += 8
            }
        }
        while index < common, x[index] == y[index] { index += 1 }
        if index == common { return x.count < y.count }
        if x[index] == slash { return true }
        if y[index] == slash { return false }
        return x[index] < y[index]
    }

    private static let slash = UInt8(ascii: "/")
}
