import MCBasics

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
        self.lines = Lines.splitOnYAMLBreaks(text)
    }

    package var lineCount: Int { lines.count }

    /// The text of 1-based line `number` without its line break, or nil past the end.
    package func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= lines.count else { return nil }
        return lines[number - 1]
    }
}
