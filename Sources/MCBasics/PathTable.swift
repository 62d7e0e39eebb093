import Foundation

/// Positions in a list of paths the caller holds, found by hashing each path's bytes (open
/// addressing, 4 bytes a slot): a dictionary keyed by the paths holds every key a second time,
/// 40 bytes a slot, and the committed side of a plan at 2,000 clusters has 200,000 of them.
/// Paths are equal when their bytes are, as git compares them.
package struct PathTable: Sendable {
    /// Each slot the position of a path, or -1.
    private let slots: [Int32]

    /// A table of the `count` paths `path(0)`, `path(1)`…, the caller's list read through a
    /// closure as `position(of:in:)` reads it (a generic collection of paths is not specialised
    /// across modules, and iterating one cost more than the hashing); the first of equal paths
    /// is found.
    package init(count: Int, path: (Int) -> RelativePath) {
        var size = 16
        while size < count * 2 { size <<= 1 }
        var slots = [Int32](repeating: -1, count: size)
        for position in 0..<count {
            var slot = Self.hash(path(position)) & (size - 1)
            while slots[slot] >= 0 { slot = (slot + 1) & (size - 1) }
            slots[slot] = Int32(position)
        }
        self.slots = slots
    }

    /// The position of `path` among the table's paths, given how to read the path at a position.
    package func position(of path: RelativePath, in paths: (Int) -> RelativePath) -> Int? {
        let mask = slots.count - 1
        var slot = Self.hash(path) & mask
        while slots[slot] >= 0 {
            let position = Int(slots[slot])
            if Self.sameBytes(paths(position), path) { return position }
            slot = (slot + 1) & mask
        }
        return nil
    }

    private static func hash(_ path: RelativePath) -> Int {
        var text = path.string
        return text.withUTF8 { bytes in
            var hasher = Hasher()
            hasher.combine(bytes: UnsafeRawBufferPointer(bytes))
            return hasher.finalize()
        }
    }

    private static func sameBytes(_ a: RelativePath, _ b: RelativePath) -> Bool {
        var (x, y) = (a.string, b.string)
        return x.withUTF8 { x in y.withUTF8 { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }
}
