import Foundation
import MCDiagnostics
import MCPipeline
import MCViews

/// Prints what the front end found, the same way for both commands.
struct CompileReport {
    var commandName: String
    var format: OutputFormat
    var noColor: Bool

    /// Diagnostics to standard error as text (or inside the JSON document on standard output).
    func printDiagnostics(_ result: CompileResult) {
        guard format == .text else { return }
        let style = TerminalStyle.decide(
            isTerminal: Console.isTerminal(.standardError), noColorFlag: noColor,
            environment: ProcessInfo.processInfo.environment)
        let view = DiagnosticTextView(sources: result.frontEnd.source.map { [$0] } ?? [], style: style)
        Console.error(view.render(result.diagnostics.sorted))
    }

    /// The load summary: text on standard output, or the JSON document holding the diagnostics too.
    func printSummary(_ result: CompileResult) {
        let counts = result.validated.map { LoadReport.Counts($0.topology) }
        switch format {
        case .text:
            if let counts { Console.out(LoadReport.text(path: result.displayPath, counts: counts)) }
        case .json:
            let report = LoadReport(toolName: commandName, toolVersion: Product.version,
                                    topologyPath: result.displayPath, loaded: counts,
                                    diagnostics: result.diagnostics.sorted)
            Console.out(JSONOutput.encode(report))
        }
    }
}
