import ArgumentParser
import MCPipeline

/// `mcplan`: validates the topology and reports what it holds. Until rendering and planning
/// exist it never prints a plan.
package struct PlanCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "mcplan",
        abstract: "Check a Linkerd multicluster topology and show what it would change.",
        version: Product.version)

    @OptionGroup var common: CommonOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "text or json.")
    var output: OutputFormat = .text

    package init() {}

    package func run() throws {
        try common.enterDirectory()
        let result = try common.compile()
        let report = CompileReport(commandName: "mcplan", format: output, noColor: common.noColor)
        report.printDiagnostics(result)
        report.printSummary(result)
        if result.hasErrors { throw ExitStatus.failure.exitCode }
    }
}
