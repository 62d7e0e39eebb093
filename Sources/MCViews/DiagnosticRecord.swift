import MCDiagnostics

/// A diagnostic as a JSON object (SPEC §2): `severity, code, message, file, line, column, hint`,
/// plus the range's end, its label and the notes.
package struct DiagnosticRecord: Codable, Sendable, Equatable {
    package struct Note: Codable, Sendable, Equatable {
        package var message: String
        package var file: String
        package var line: Int
        package var column: Int
    }

    package var severity: String
    package var code: String
    package var message: String
    package var file: String
    package var line: Int
    package var column: Int
    package var endLine: Int
    package var endColumn: Int
    package var label: String?
    package var hint: String?
    package var notes: [Note]

    package init(_ diagnostic: Diagnostic) {
        severity = diagnostic.severity.rawValue
        code = diagnostic.code.rawValue
        message = diagnostic.message
        file = diagnostic.file
        line = diagnostic.range.start.line
        column = diagnostic.range.start.column
        endLine = diagnostic.range.end.line
        endColumn = diagnostic.range.end.column
        label = diagnostic.label
        hint = diagnostic.hint
        notes = diagnostic.notes.map {
            Note(message: $0.message, file: $0.file, line: $0.range.start.line, column: $0.range.start.column)
        }
    }

    /// Optional fields are written as `null`, so every record has the same keys.
    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(severity, forKey: .severity)
        try container.encode(code, forKey: .code)
        try container.encode(message, forKey: .message)
        try container.encode(file, forKey: .file)
        try container.encode(line, forKey: .line)
        try container.encode(column, forKey: .column)
        try container.encode(endLine, forKey: .endLine)
        try container.encode(endColumn, forKey: .endColumn)
        try container.encode(label, forKey: .label)
        try container.encode(hint, forKey: .hint)
        try container.encode(notes, forKey: .notes)
    }
}
