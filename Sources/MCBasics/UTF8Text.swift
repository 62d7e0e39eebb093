extension String {
    /// Whether this text's UTF-8 bytes sort before `other`'s: the order of JSON's sorted keys
    /// (`JSONEncoder`'s `.sortedKeys`), not String's own (which differs for text not in normal
    /// form C). Compared in place: large meshes sort tens of thousands of keys.
    package func utf8Precedes(_ other: String) -> Bool {
        let ordered = utf8.withContiguousStorageIfAvailable { x in
            other.utf8.withContiguousStorageIfAvailable { y in
                let common = min(x.count, y.count)
                var index = 0
                while index < common, x[index] == y[index] { index += 1 }
                return index == common ? x.count < y.count : x[index] < y[index]
            }
        }
        return ordered.flatMap { $0 } ?? utf8.lexicographicallyPrecedes(other.utf8)
    }
}

extension Array where Element == UInt8 {
    /// Appends `text`'s UTF-8 bytes, in one copy when they are contiguous.
    package mutating func append(utf8 text: String) {
        if text.utf8.withContiguousStorageIfAvailable({ append(contentsOf: $0) }) == nil { append(contentsOf: text.utf8) }
    }
}
