import MCBasics

/// One entry of a git tree object: a regular file (mode 100644) or a tree (40000), by name.
struct TreeEntry {
    var name: String
    var id: ObjectID
    var isTree: Bool

    /// A tree object's content: the entries in git's order (names compared as bytes, a tree's as
    /// if it ended in `/`), each as `<mode> <name>\0` and the id's 20 bytes.
    static func content(of entries: [TreeEntry]) -> [UInt8] {
        var ordered = entries
        if !zip(ordered, ordered.dropFirst()).allSatisfy({ precedes($0, $1) }) { ordered.sort(by: precedes) }
        var content: [UInt8] = []
        content.reserveCapacity(entries.reduce(0) { $0 + $1.name.utf8.count + 28 })
        for entry in ordered {
            content.append(contentsOf: entry.isTree ? treeMode : fileMode)
            content.append(contentsOf: entry.name.utf8)
            content.append(0)
            entry.id.withRawBytes { content.append(contentsOf: $0) }
        }
        return content
    }

    /// Git's order of two entries of one tree: their names' bytes, a tree's followed by `/`.
    static func precedes(_ a: TreeEntry, _ b: TreeEntry) -> Bool {
        var left = a.name
        var right = b.name
        return left.withUTF8 { x in
            right.withUTF8 { y in
                let common = min(x.count, y.count)
                var index = 0
                while index < common, x[index] == y[index] { index += 1 }
                // Past the end, a tree's name goes on with `/` and a file's ends (before any byte).
                let next = { (bytes: UnsafeBufferPointer<UInt8>, isTree: Bool) -> Int in
                    index < bytes.count ? Int(bytes[index]) : isTree ? Int(UInt8(ascii: "/")) : -1
                }
                return next(x, a.isTree) < next(y, b.isTree)
            }
        }
    }

    private static let fileMode = Array("100644 ".utf8)
    private static let treeMode = Array("40000 ".utf8)
}
