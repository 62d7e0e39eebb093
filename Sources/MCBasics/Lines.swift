/// Splitting text into lines over its UTF-8 bytes: a manifest has tens of thousands of lines.
/// Line feeds and carriage returns are ASCII and always end a Character, so the lines are cut
/// at byte offsets and taken as substrings without walking the text's scalars.
package enum Lines {
    /// The lines of a text without their line feeds (a final line feed ends the last line rather
    /// than starting an empty one; an empty text is one empty line), as a unified diff counts them.
    package static func splitOnLineFeeds(_ text: String) -> [Substring] {
        var ranges: [Range<Int>] = []
        var copy = text
        copy.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count where bytes[index] == 0x0A {
                ranges.append(start..<index)
                start = index + 1
            }
            if start != bytes.count || ranges.isEmpty { ranges.append(start..<bytes.count) }
        }
        return substrings(copy, ranges)
    }

    /// Splits on LF, CRLF and lone CR, the breaks YAML recognises (no empty line after a final break).
    package static func splitOnYAMLBreaks(_ text: String) -> [Substring] {
        var ranges: [Range<Int>] = []
        var copy = text
        copy.withUTF8 { bytes in
            var start = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard byte == 0x0A || byte == 0x0D else {
                    index += 1
                    continue
                }
                ranges.append(start..<index)
                index += byte == 0x0D && index + 1 < bytes.count && bytes[index + 1] == 0x0A ? 2 : 1
                start = index
            }
            if start != bytes.count { ranges.append(start..<bytes.count) }
        }
        return substrings(copy, ranges)
    }

    /// The substrings of `text` at these UTF-8 offsets.
    private static func substrings(_ text: String, _ ranges: [Range<Int>]) -> [Substring] {
        let utf8 = text.utf8
        var lines: [Substring] = []
        lines.reserveCapacity(ranges.count)
        var cursor = utf8.startIndex
        var offset = 0
        for range in ranges {
            let lower = utf8.index(cursor, offsetBy: range.lowerBound - offset)
            let upper = utf8.index(lower, offsetBy: range.count)
            lines.append(text[lower..<upper])
            cursor = upper
            offset = range.upperBound
        }
        return lines
    }
}
