import ArgumentParser
import Foundation
import MCFiles
import MCPipeline
import MCPlanning
import MCRendering
import MCStore
import MCViews

/// `mcapply`: validates and renders the topology, then makes the rendered folder in the work tree
/// equal to the render. (Committing it lands with `--commit`.)
package struct ApplyCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "mcapply",
        abstract: "Render a Linkerd multicluster topology into its git-tracked folder.",
        version: Product.version)

    @OptionGroup var common: CommonOptions

    @Option(name: [.customShort("o"), .customLong("output")], help: "text or json.")
    var output: ApplyOutputFormat = .text

    package init() {}

    package func run() throws {
        try common.enterDirectory()
        let result = try common.compile()
        CompileReport(commandName: "mcapply", textOnStandardError: true, noColor: common.noColor).printDiagnostics(result)
        guard !result.hasErrors, let tree = Compiler.render(result), let location = result.location else {
            throw ExitStatus.failure.exitCode
        }
        let summary: FolderWriteSummary
        let display = common.renderedDisplay
        do {
            let folder = try ApplyRun.folderPath(common.rendered, location: location)
            summary = try ApplyRun.apply(tree, to: folder)
        } catch let error as PipelineError {
            Console.error("error: \(error.message); nothing was written\n")
            throw ExitStatus.failure.exitCode
        }
        let counts = ObjectFileCounts(summary)
        switch output {
        case .text:
            if summary.changed {
                Console.out("Wrote \(display)/: \(counts.add) to add, \(counts.change) to change, \(counts.destroy) to destroy "
                    + "(\(summary.created.count + summary.updated.count) files written, \(summary.removed.count) removed) "
                    + "across \(tree.clusters.count) clusters.\n")
            } else {
                Console.out("No changes. \(display)/ is up to date.\n")
            }
        case .json:
            Console.out(JSONOutput.encode(ApplyReport(
                action: summary.changed ? "written" : "no-changes",
                summary: .init(add: counts.add, change: counts.change, destroy: counts.destroy),
                files: .init(written: (summary.created + summary.updated).sorted().map(\.string), removed: summary.removed.map(\.string)))))
        }
    }
}

/// Objects added, changed and destroyed, counted by their files (one object per file).
struct ObjectFileCounts {
    var add: Int
    var change: Int
    var destroy: Int

    init(_ summary: FolderWriteSummary) {
        add = summary.created.filter(Planner.isObjectFile).count
        change = summary.updated.filter(Planner.isObjectFile).count
        destroy = summary.removed.filter(Planner.isObjectFile).count
    }
}

/// `mcapply -o json`.
struct ApplyReport: Encodable {
    struct Summary: Encodable {
        var add: Int
        var change: Int
        var destroy: Int
    }

    struct Files: Encodable {
        var written: [String]
        var removed: [String]
    }

    var formatVersion = "1.0"
    var action: String
    var commit: String? = nil
    var branch: String? = nil
    var summary: Summary
    var files: Files

    func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(action, forKey: .action)
        try container.encode(commit, forKey: .commit)
        try container.encode(branch, forKey: .branch)
        try container.encode(summary, forKey: .summary)
        try container.encode(files, forKey: .files)
    }

    enum CodingKeys: String, CodingKey { case formatVersion, action, commit, branch, summary, files }
}
