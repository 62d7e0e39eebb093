import Foundation
import MCDiagnostics
import MCPipeline
import MCViews

/// Prints diagnostics the same way for both commands: as text on standard error (colour decided
/// once), unless the output is a JSON document that carries them itself.
struct CompileReport {
    var textOnStandardError: Bool
    var noColor: Bool

    func printDiagnostics(_ result: CompileResult) {
        guard textOnStandardError else { return }
        let style = TerminalStyle.decide(
            isTerminal: Console.isTerminal(.standardError), noColorFlag: noColor,
            environment: ProcessInfo.processInfo.environment)
        let view = DiagnosticTextView(sources: result.frontEnd.source.map { [$0] } ?? [], style: style)
        Console.error(view.render(result.diagnostics.sorted))
    }
}
