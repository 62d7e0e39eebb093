import ArgumentParser
import MCPipeline

/// `mcapply`: validates the topology like `mcplan`. Writing the rendered folder lands with the
/// renderer; until then it refuses to claim it applied anything.
package struct ApplyCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "mcapply",
        abstract: "Render a Linkerd multicluster topology into its git-tracked folder.",
        version: Product.version)

    @OptionGroup var common: CommonOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "text or json.")
    var output: OutputFormat = .text

    package init() {}

    package func run() throws {
        try common.enterDirectory()
        let result = try common.compile()
        let report = CompileReport(commandName: "mcapply", format: output, noColor: common.noColor)
        report.printDiagnostics(result)
        report.printSummary(result)
        if result.hasErrors { throw ExitStatus.failure.exitCode }
        Console.error("mcapply: rendering is not available in this version; nothing was written\n")
        throw ExitStatus.failure.exitCode
    }
}
