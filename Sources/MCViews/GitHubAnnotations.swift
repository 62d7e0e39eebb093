import MCBasics
import MCDiagnostics

/// `mcplan -o github`: a GitHub Actions workflow command per diagnostic
/// (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=MC213::…`), so each shows on its line
/// of the pull request's diff; then each risk as a warning and the summary as a notice.
package enum GitHubAnnotations {
    package static func render(_ document: PlanDocument) -> String {
        var out = ""
        for record in document.diagnostics {
            let command = switch record.severity {
            case "error": "error"
            case "warning": "warning"
            default: "notice"
            }
            let properties = [
                "file=\(property(record.file))", "line=\(record.line)", "col=\(record.column)", "endLine=\(record.endLine)",
                "endColumn=\(record.endColumn)", "title=\(property(record.code))",
            ]
            let message = record.message + (record.hint.map { "\nhint: \($0)" } ?? "") + (DiagnosticCode(rawValue: record.code).map { "\nhelp: " + DiagnosticTextView.documentation(of: $0) } ?? "")
            out += "::\(command) \(properties.joined(separator: ","))::\(data(message))\n"
        }
        for risk in document.mesh.risks {
            out += "::warning title=\(property("mcplan: " + risk.kind))::\(data(risk.detail))\n"
        }
        if !document.diagnostics.contains(where: { $0.severity == "error" }), !document.topology.path.isEmpty {
            out += "::notice title=mcplan::\(data(document.summaryLine))\n"
        }
        return out
    }

    /// A runtime failure (no repository, an unreadable file) as one annotation.
    package static func error(_ message: String) -> String {
        "::error title=mcplan::\(data(message))\n"
    }

    /// A command's message, escaped as the runner unescapes it (`%`, and line breaks as `%0A`).
    /// Control characters in user text are shown as escapes first, so none reaches the runner.
    static func data(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            VisibleText.escaping(String(line)).replacingOccurrences(of: "%", with: "%25")
        }.joined(separator: "%0A")
    }

    /// A property value: as `data`, and `:` and `,` too.
    static func property(_ text: String) -> String {
        data(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
