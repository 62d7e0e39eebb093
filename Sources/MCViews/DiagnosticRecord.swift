import MCDiagnostics

/// A diagnostic as a JSON object (docs/diagnostics.md): `severity, code, message, file, line, column, hint`,
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
    @NullWhenNil package var label: String?
    @NullWhenNil package var hint: String?
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
}
