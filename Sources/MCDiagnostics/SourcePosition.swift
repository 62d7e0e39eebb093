/// A 1-based position in a source file; columns count Unicode scalars, not bytes.
package struct SourcePosition: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var line: Int
    package var column: Int

    package init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    package static func < (a: SourcePosition, b: SourcePosition) -> Bool {
        (a.line, a.column) < (b.line, b.column)
    }

    package var description: String { "\(line):\(column)" }
}

/// A half-open range of source positions (`end` is just past the last character).
package struct SourceRange: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var start: SourcePosition
    package var end: SourcePosition

    package init(start: SourcePosition, end: SourcePosition) {
        self.start = start
        self.end = end
    }

    /// The first character of a file: where file-wide problems point.
    package static let fileStart = SourceRange(
        start: SourcePosition(line: 1, column: 1), end: SourcePosition(line: 1, column: 2))

    package static func < (a: SourceRange, b: SourceRange) -> Bool {
        (a.start, a.end) < (b.start, b.end)
    }

    package var description: String { "\(start)-\(end)" }
}
