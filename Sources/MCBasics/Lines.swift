/// Splitting text into lines, over its bytes or scalars: a manifest has tens of thousands of lines.
package enum Lines {
    /// The lines of a text without their line feeds (a final line feed ends the last line rather
    /// than starting an empty one; an empty text is one empty line), as a unified diff counts them.
    package static func splitOnLineFeeds(_ text: String) -> [Substring] {
        var lines: [Substring] = []
        var start = text.startIndex
        var index = text.utf8.startIndex
        while index != text.utf8.endIndex {
            if text.utf8[index] == UInt8(ascii: "\n") {
                lines.append(text[start..<index])
                start = text.utf8.index(after: index)
            }
            index = text.utf8.index(after: index)
        }
        if start != text.endIndex || lines.isEmpty { lines.append(text[start...]) }
        return lines
    }

    /// Splits on LF, CRLF and lone CR, the breaks YAML recognises (no empty line after a final break).
    package static func splitOnYAMLBreaks(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let scalars = text.unicodeScalars
        var start = scalars.startIndex
        var index = start
        while index != scalars.endIndex {
            let scalar = scalars[index]
            if scalar == "\n" || scalar == "\r" {
                result.append(Substring(scalars[start..<index]))
                var next = scalars.index(after: index)
                if scalar == "\r", next != scalars.endIndex, scalars[next] == "\n" {
                    next = scalars.index(after: next)
                }
                start = next
                index = next
            } else {
                index = scalars.index(after: index)
            }
        }
        if start != scalars.endIndex { result.append(Substring(scalars[start...])) }
        return result
    }
}
