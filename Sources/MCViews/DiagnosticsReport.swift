import Foundation
import MCPipeline

/// The diagnostics of a compile as text for standard error, coloured as `style` says.
package enum DiagnosticsReport {
    /// - Parameter outcome: what errors mean for the command ("nothing was written", "nothing was planned").
    package static func text(_ compiled: CompileResult?, style: TerminalStyle, outcome: String = "nothing was written") -> String {
        guard let compiled else { return "" }
        return DiagnosticTextView(sources: compiled.sources, style: style, secretLines: compiled.secretLines)
            .render(compiled.diagnostics.sorted, omitted: compiled.diagnostics.omittedCounts, outcome: outcome)
    }
}
