import ArgumentParser
import Foundation
import MCPipeline
import MCViews

/// `mcplan`: validates the topology, renders it in memory and shows what would change against
/// the rendered folder as committed at `--base`. Writes nothing but its output and `--out`.
package struct PlanCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "mcplan",
        abstract: "Show what a Linkerd multicluster topology would change in its git-tracked folder.",
        discussion: """
        Examples:
          mcplan                              plan topology.yaml against HEAD
          mcplan -o markdown > plan.md        a pull-request comment
          mcplan --base origin/main --out plan.json
          mcplan --check                      validate only (no git needed)
          mcplan --explain MC213              what a diagnostic means and how to fix it
          mcplan -o github                    annotations on the pull request's lines
          mcplan --check -o sarif > mcplan.sarif   for code scanning
          git show :topology.yaml | mcplan -f - --stdin-path topology.yaml

        Exit status: 0 valid (with --detailed-exitcode: 0 no changes, 2 changes); 1 invalid topology or any failure; 64 bad usage.

        Environment: MCPLAN_NOW (RFC 3339 time certificates are checked against), NO_COLOR, FORCE_COLOR / CLICOLOR_FORCE, TERM=dumb, MCPLAN_DOCS_URL (where the help links of diagnostics point), MCPLAN_SOURCE_URL (…/blob/<sha>/: markdown links each diagnostic to its line).

        """,
        version: Product.versionLine)

    @OptionGroup var common: CommonOptions

    @Option(help: ArgumentHelp("The commit to compare with.", valueName: "rev"))
    var base = "HEAD"

    @Option(name: [.customShort("o"), .customLong("output")], help: "text, markdown, json, github (workflow annotations) or sarif.")
    var output: PlanOutputFormat = .text

    @Option(help: ArgumentHelp("Also save the JSON plan here, for mcapply --plan.", valueName: "planfile"), completion: .file(extensions: ["json"]))
    var out: String?

    @Flag(help: "Exit 2 when there are changes (0 when there are none).")
    var detailedExitcode = false

    @Flag(help: "Only validate the topology (no git needed): all diagnostics, exit 0 or 1. For editors and pre-commit.")
    var check = false

    @Option(help: ArgumentHelp("Print what a diagnostic code means and how to fix it (its section of docs/diagnostics.md), then exit.",
                               valueName: "code"))
    var explain: String?

    package init() {}

    package func validate() throws {
        if check, out != nil || detailedExitcode || output == .markdown {
            throw ValidationError("--check only validates (text or json): --out, --detailed-exitcode and markdown need a plan")
        }
    }

    package func run() throws {
        if let explain {
            guard let section = DiagnosticExplanation.section(explain) else {
                Console.error("error: '\(explain)' is not a diagnostic code (MC100 to MC999; see docs/diagnostics.md)\n")
                throw ExitStatus.usage.exitCode
            }
            Console.out(section)
            return
        }
        let workspace = try common.workspace()
        let result = check ? CheckOperation(workspace: workspace).run() : PlanOperation(workspace: workspace, base: base).run()
        if output != .json { Console.error(DiagnosticsReport.text(result.compiled, style: common.style(.standardError), outcome: "nothing was planned")) }
        if case .failed(let error) = result.outcome { return try fail(error) }
        let document = PlanDocument(result, toolName: "mcplan", toolVersion: workspace.toolVersion, rendered: workspace.renderedDisplay)
        // Streamed: a first plan's JSON is tens of megabytes. Saved first when --out asks, and
        // then copied to standard output for -o json rather than encoded twice.
        func printJSON() {
            if let out { return Console.out(contentsOf: out) }
            try? JSONOutput.stream(document) { guard Console.out(bytes: $0) else { throw StandardOutputFailed() } }
        }
        if let out {
            do {
                try SavedPlan.write(to: out) { write in try JSONOutput.stream(document, to: write) }
            } catch {
                return try fail(error)
            }
        }
        if check {
            switch output {
            case .json: printJSON()
            case .github: Console.out(GitHubAnnotations.render(document))
            case .sarif: Console.out(SARIFLog(document).json)
            case .text, .markdown: break
            }
            if case .checked = result.outcome, output == .text { Console.out("Valid: \(document.topology.path) has no errors.\n") }
            if let reason = Console.outputFailure { Console.error("error: cannot write to standard output: \(reason)\n") }
            Self.exit(withError: result.outcome.isChecked && Console.outputFailure == nil ? nil : ExitStatus.failure.exitCode)
        }
        switch output {
        case .text: if case .planned = result.outcome { Console.out(PlanTextView(style: common.style(.standardOutput)).render(document)) }
        case .markdown: Console.out(PlanMarkdownView(sourceURL: ProcessInfo.processInfo.environment["MCPLAN_SOURCE_URL"]).render(document))
        case .json: printJSON()
        case .github: Console.out(GitHubAnnotations.render(document))
        case .sarif: Console.out(SARIFLog(document).json)
        }
        if let reason = Console.outputFailure {
            Console.error("error: cannot write the plan to standard output: \(reason)\n")
            throw ExitStatus.failure.exitCode
        }
        guard case .planned(let change) = result.outcome else { throw ExitStatus.failure.exitCode }
        // Exits here instead of returning: the plan's tens of thousands of objects then go with the
        // process rather than being freed one by one (the operation has joined its threads). They
        // are kept alive up to the exit, or Swift would free them after their last use.
        withExtendedLifetime((result, document)) {
            Self.exit(withError: detailedExitcode && change.plan.hasChanges ? ExitStatus.changes.exitCode : nil)
        }
    }

    private func fail(_ error: EnvironmentError) throws {
        if output == .json { Console.out(ErrorReport(error.message).json) }
        if output == .github { Console.out(GitHubAnnotations.error(error.message)) }
        Console.error("error: \(error.message)\n")
        throw ExitStatus.failure.exitCode
    }
}

/// Stops a streamed document once standard output has failed (`Console` has the reason).
private struct StandardOutputFailed: Error {}
