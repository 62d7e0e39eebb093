import MCBasics

/// One entry of a git tree object: a regular file (mode 100644) or a tree (40000), by name.
struct TreeEntry {
    var name: String
    var id: ObjectID
    var isTree: Bool

    /// A tree object's content: the entries in git's order (names compared as bytes, a tree's as
    /// if it ended in `/`), each as `<mode> <name>\0` and the id's 20 bytes.
    static func content(of entries: [TreeEntry]) -> [UInt8] {
        let ordered = entries.map { (entry: $0, key: Array($0.name.utf8) + ($0.isTree ? [UInt8(ascii: "/")] : [])) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
        var content: [UInt8] = []
        content.reserveCapacity(entries.reduce(0) { $0 + $1.name.utf8.count + 28 })
        for (entry, _) in ordered {
            content.append(contentsOf: entry.isTree ? treeMode : fileMode)
            content.append(contentsOf: entry.name.utf8)
            content.append(0)
            entry.id.withRawBytes { content.append(contentsOf: $0) }
        }
        return content
    }

    private static let fileMode = Array("100644 ".utf8)
    private static let treeMode = Array("40000 ".utf8)
}
