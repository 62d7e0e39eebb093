import ArgumentParser
import Foundation
import MCPipeline
import MCPlanning
import MCViews

/// `mcplan`: validates the topology, renders it in memory and shows what would change against
/// the rendered folder as committed at `--base`. Writes nothing but its output and `--out`.
package struct PlanCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "mcplan",
        abstract: "Show what a Linkerd multicluster topology would change in its git-tracked folder.",
        version: Product.version)

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("The commit to compare with.", valueName: "rev"))
    var base = "HEAD"

    @Option(name: [.customShort("o"), .customLong("output")], help: "text, markdown or json.")
    var output: PlanOutputFormat = .text

    @Option(help: ArgumentHelp("Also save the JSON plan here, for mcapply --plan.", valueName: "planfile"))
    var out: String?

    @Flag(help: "Exit 2 when there are changes (0 when there are none).")
    var detailedExitcode = false

    package init() {}

    package func run() throws {
        try common.enterDirectory()
        let base = PlanRun.readBase(topologyPath: common.topology, rendered: common.rendered, revision: self.base)
        defer { _ = base.value }
        let result = try common.compile()
        CompileReport(textOnStandardError: output != .json, noColor: common.noColor).printDiagnostics(result)
        var outcome: PlanOutcome?
        if !result.hasErrors {
            do {
                outcome = try PlanRun.plan(result, base: base)
            } catch let error as PipelineError {
                Console.error("error: \(error.message)\n")
                throw ExitStatus.failure.exitCode
            }
        }
        let document = PlanDocument(
            toolName: "mcplan", toolVersion: Product.version, topologyPath: result.displayPath,
            topologyDigest: outcome?.tree.topologyDigest, rendered: outcome?.folder ?? common.renderedDisplay,
            base: .init(commit: outcome?.baseCommit, renderedTree: outcome?.baseTree), plan: outcome?.plan,
            diagnostics: result.diagnostics.sorted)
        if let out {
            guard FileManager.default.createFile(atPath: out, contents: Data(JSONOutput.encode(document).utf8)) else {
                Console.error("error: cannot write the plan to '\(out)'\n")
                throw ExitStatus.failure.exitCode
            }
        }
        switch output {
        case .text:
            if outcome != nil {
                let style = TerminalStyle.decide(isTerminal: Console.isTerminal(.standardOutput), noColorFlag: common.noColor,
                                                 environment: ProcessInfo.processInfo.environment)
                Console.out(PlanTextView(style: style).render(document))
            }
        case .markdown: Console.out(PlanMarkdownView().render(document))
        case .json: Console.out(JSONOutput.encode(document))
        }
        guard let outcome else { throw ExitStatus.failure.exitCode }
        // Exits here instead of returning: the plan's tens of thousands of objects then go with the
        // process rather than being freed one by one.
        Self.exit(withError: detailedExitcode && outcome.plan.hasChanges ? ExitStatus.changes.exitCode : nil)
    }
}
