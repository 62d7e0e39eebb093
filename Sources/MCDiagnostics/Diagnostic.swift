/// One problem found in the user's input: a value, never a thrown error.
package struct Diagnostic: Sendable, Hashable {
    /// Another place the problem relates to, e.g. the first of two duplicates.
    package struct Note: Sendable, Hashable {
        package var message: String
        package var file: String
        package var range: SourceRange

        package init(_ message: String, file: String, range: SourceRange) {
            self.message = message
            self.file = file
            self.range = range
        }
    }

    package var code: DiagnosticCode
    package var severity: Severity { code.severity }
    /// One lowercase line that stands alone; user names in single quotes.
    package var message: String
    package var file: String
    /// The node the user must change.
    package var range: SourceRange
    /// A short label shown under the carets.
    package var label: String?
    package var notes: [Note]
    /// How to fix it.
    package var hint: String?

    package init(
        _ code: DiagnosticCode, _ message: String, file: String, range: SourceRange,
        label: String? = nil, notes: [Note] = [], hint: String? = nil
    ) {
        self.code = code
        self.message = message
        self.file = file
        self.range = range
        self.label = label
        self.notes = notes
        self.hint = hint
    }
}

extension Diagnostic: Comparable {
    /// Sorted by position, then code: the order docs/diagnostics.md reports them in.
    package static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.file != b.file { return a.file < b.file }
        if a.range != b.range { return a.range < b.range }
        if a.code != b.code { return a.code < b.code }
        return a.message < b.message
    }
}
