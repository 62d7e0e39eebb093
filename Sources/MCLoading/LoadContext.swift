import MCDiagnostics
import MCYAML

/// The diagnostics sink and file path shared by one load.
final class LoadContext {
    let path: String
    /// Bounded: a list of a million broken entries keeps a hundred of their diagnostics.
    private(set) var collected = Diagnostics()
    var diagnostics: [Diagnostic] { collected.all }
    private(set) var errorCount = 0

    init(path: String) {
        self.path = path
    }

    func report(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange, label: String? = nil,
        notes: [Diagnostic.Note] = [], hint: String? = nil
    ) {
        collected.append(Diagnostic(code, message, file: path, range: range, label: label, notes: notes, hint: hint))
        if code.severity == .error { errorCount += 1 }
    }

    /// Reports MC105: `node` is not what `field` must be.
    func wrongType(_ node: YAMLNode, field: String, expected: String, hint: String? = nil) {
        report(.wrongType, "'\(field)' must be \(expected), not \(node.typeDescription)", at: node.range,
               label: "expected \(expected)", hint: hint ?? "write \(expected) here")
    }

    /// Runs `body` and tells whether it reported no new error: a complete entity.
    func isClean(_ body: () -> Void) -> Bool {
        let before = errorCount
        body()
        return errorCount == before
    }
}
