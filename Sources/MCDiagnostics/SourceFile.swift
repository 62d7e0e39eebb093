/// A source text with its display path and an index of line starts, for snippets.
package struct SourceFile: Sendable {
    /// The path shown in diagnostics (relative to where the user ran the tool, or `<stdin>`).
    package let path: String
    /// The text without a leading byte-order mark.
    package let text: String
    private let lines: [Substring]

    package init(path: String, text: String) {
        self.path = path
        self.text = text
        self.lines = SourceFile.splitLines(text)
    }

    package var lineCount: Int { lines.count }

    /// The text of 1-based line `number` without its line break, or nil past the end.
    package func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }

    /// Splits on LF, CRLF and lone CR, the breaks YAML recognises.
    private static func splitLines(_ text: String) -> [Substring] {
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
