import Foundation

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

extension Substring {
    /// `hasPrefix(prefix)` for an ASCII `prefix` without CR, decided on the bytes: they match, and
    /// the text's next Character starts where the prefix ends (no combining mark attaches to its
    /// last byte). The same answer as comparing Characters, without making them: a plan reads
    /// every one of 50,000 paths this way.
    package func hasASCIIPrefix(_ prefix: String) -> Bool {
        guard let end = UTF8Text.prefixEnd(utf8, prefix) else { return false }
        return String.Index(end, within: self) != nil
    }

    /// `hasSuffix(suffix)` for an ASCII `suffix` without LF, decided on the bytes: they match,
    /// and a Character starts where the suffix does (no prepended mark joins it to what precedes).
    package func hasASCIISuffix(_ suffix: String) -> Bool {
        guard let start = UTF8Text.suffixStart(utf8, suffix) else { return false }
        return String.Index(start, within: self) != nil
    }
}

extension String {
    /// `Substring.hasASCIIPrefix`, for a whole string.
    package func hasASCIIPrefix(_ prefix: String) -> Bool { self[...].hasASCIIPrefix(prefix) }

    /// `Substring.hasASCIISuffix`, for a whole string.
    package func hasASCIISuffix(_ suffix: String) -> Bool { self[...].hasASCIISuffix(suffix) }
}

/// The byte comparisons behind `hasASCIIPrefix` and `hasASCIISuffix`.
private enum UTF8Text {
    /// Where `prefix`'s bytes end in `text`, when `text` starts with them.
    static func prefixEnd(_ text: Substring.UTF8View, _ prefix: String) -> String.Index? {
        assert(prefix.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0D }, "an ASCII prefix without CR")
        let count = prefix.utf8.count
        let matches = text.withContiguousStorageIfAvailable { bytes in
            bytes.count >= count && same(prefix, UnsafeBufferPointer(rebasing: bytes[..<count]))
        } ?? text.starts(with: prefix.utf8)
        return matches ? text.index(text.startIndex, offsetBy: count) : nil
    }

    /// Where `suffix`'s bytes start in `text`, when `text` ends with them.
    static func suffixStart(_ text: Substring.UTF8View, _ suffix: String) -> String.Index? {
        assert(suffix.utf8.allSatisfy { $0 < 0x80 && $0 != 0x0A }, "an ASCII suffix without LF")
        let count = suffix.utf8.count
        let matches = text.withContiguousStorageIfAvailable { bytes in
            bytes.count >= count && same(suffix, UnsafeBufferPointer(rebasing: bytes[(bytes.count - count)...]))
        } ?? (text.count >= count && text.suffix(count).elementsEqual(suffix.utf8))
        return matches ? text.index(text.endIndex, offsetBy: -count) : nil
    }

    /// Whether `text`'s bytes are `bytes`.
    private static func same(_ text: String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { text in
            text.count == bytes.count && (bytes.isEmpty || memcmp(bytes.baseAddress!, text.baseAddress!, bytes.count) == 0)
        } ?? text.utf8.elementsEqual(bytes)
    }
}
