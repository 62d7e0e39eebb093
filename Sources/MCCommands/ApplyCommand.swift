import ArgumentParser
import Foundation
import MCFiles
import MCGit
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

    @Flag(help: "Commit the rendered folder onto the branch (compare-and-swap on its tip).")
    var commit = false

    @Option(name: [.customShort("m"), .customLong("message")], help: "The commit message (default: a summary of the plan).")
    var message: String?

    @Option(help: ArgumentHelp("The commit's author, \"Name <email>\" (default: git config, else mcapply <mcapply@localhost>).", valueName: "author"))
    var author: String?

    @Option(help: ArgumentHelp("Commit onto this branch (created if missing) instead of the checked-out one.", valueName: "name"))
    var branch: String?

    @Option(help: ArgumentHelp("Apply only if this plan (from mcplan --out) is still current.", valueName: "planfile"))
    var plan: String?

    @Flag(help: "Overwrite uncommitted hand edits inside the rendered folder.")
    var force = false

    @Flag(help: "Allow a render that removes every cluster folder.")
    var allowEmpty = false

    @Option(name: [.customShort("o"), .customLong("output")], help: "text or json.")
    var output: ApplyOutputFormat = .text

    package init() {}

    package func validate() throws {
        if let author, CommitRun.identity(author) == nil {
            throw ValidationError("--author must look like \"Name <email>\"")
        }
        if !commit, message != nil || author != nil || branch != nil {
            throw ValidationError("-m, --author and --branch only make sense with --commit")
        }
    }

    package func run() throws {
        try common.enterDirectory()
        let result = try common.compile()
        CompileReport(textOnStandardError: true, noColor: common.noColor).printDiagnostics(result)
        guard !result.hasErrors, let tree = Compiler.render(result), let location = result.location else {
            throw ExitStatus.failure.exitCode
        }
        do {
            try apply(tree, location: location)
        } catch let error as PipelineError {
            Console.error("error: \(error.message)\n")
            throw ExitStatus.failure.exitCode
        } catch let error as GitError {
            Console.error("error: \(error.description)\n")
            throw ExitStatus.failure.exitCode
        }
        // Exits here instead of returning: the render's tens of thousands of objects then go with
        // the process rather than being freed one by one.
        Self.exit(withError: nil)
    }

    private func apply(_ tree: RenderedTree, location: RepositoryLocation) throws {
        let display = common.renderedDisplay
        let (folderPath, folder) = try ApplyRun.folder(common.rendered, location: location)
        let repository = commit ? try PlanRun.openRepository(location) : try? PlanRun.openRepository(location)
        // Everything that can refuse happens before anything is written.
        if let repository, !force {
            let edits = try ApplyRun.handEdits(in: folderPath, folder: folder, repository: repository, tree: tree)
            guard edits.isEmpty else {
                throw PipelineError("the rendered folder has uncommitted changes mcapply would overwrite:\n"
                    + edits.map { "  \(display)/\($0)" }.joined(separator: "\n")
                    + "\ncommit or discard them, or run with --force; nothing was written")
            }
        }
        let target = commit ? try CommitRun.target(repository!, branch: branch, folder: folder, known: tree.blobsByID) : nil
        if let plan {
            let saved = try SavedPlan.read(plan)
            guard let repository else { throw PipelineError("--plan needs a git repository") }
            let baseTree = try target?.base.treeID ?? repository.folderTreeID(folder, at: repository.commit("HEAD"))
            guard saved.matches(topologyDigest: tree.topologyDigest, renderedTree: baseTree) else {
                Console.error("error: stale plan: re-run mcplan (the topology or the committed \(display)/ changed since it was made); nothing was written\n")
                throw ExitStatus.retry.exitCode
            }
        }
        if tree.clusters.isEmpty, !allowEmpty, try ApplyRun.hasClusterFolders(folderPath) || target?.baseFiles.isEmpty == false {
            throw PipelineError("this render removes every cluster folder from \(display)/ (an empty or truncated topology?); "
                + "run with --allow-empty if that is meant; nothing was written")
        }
        let summary = try ApplyRun.apply(tree, to: folderPath)
        FaultPoint.reach("after-write")
        guard let target, let repository else {
            report(summary: summary, tree: tree, display: display)
            return
        }
        let plan = Planner.plan(previous: PlanBase(files: target.baseFiles), rendered: tree, folder: folder.string,
                                sourcePath: location.sourcePath)
        let identity = author.flatMap(CommitRun.identity) ?? repository.configuredIdentity()
            ?? GitIdentity(name: "mcapply", email: "mcapply@localhost")
        let outcome = try CommitRun.commit(tree, plan: plan, folder: folder, target: target, repository: repository,
                                           message: message, author: identity, beforeSwap: Self.testHookBeforeSwap)
        switch outcome {
        case .committed(let commit, let branch, let plan):
            if output == .json {
                Console.out(JSONOutput.encode(ApplyReport(action: "committed", commit: commit, branch: branch,
                                                          summary: .init(plan), files: .init(summary))))
            } else {
                Console.out("Committed \(String(commit.prefix(12))) on \(branch): \(plan.add) to add, \(plan.change) to change, "
                    + "\(plan.destroy) to destroy across \(plan.changedClusters.count) clusters.\n")
            }
        case .noChanges(let branch):
            if output == .json {
                Console.out(JSONOutput.encode(ApplyReport(action: "no-changes", commit: nil, branch: branch,
                                                          summary: .init(add: 0, change: 0, destroy: 0), files: .init(summary))))
            } else {
                Console.out("No changes. \(branch) already holds this render; nothing to commit.\n")
            }
        case .raced(let branch):
            Console.error("error: \(branch) moved while mcapply ran; nothing was committed (the work tree's \(display)/ is rendered). "
                + "Fetch, reset to the new tip and run mcapply --commit again.\n")
            throw ExitStatus.retry.exitCode
        }
    }

    private func report(summary: FolderWriteSummary, tree: RenderedTree, display: String) {
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
                action: summary.changed ? "written" : "no-changes", commit: nil, branch: nil,
                summary: .init(add: counts.add, change: counts.change, destroy: counts.destroy), files: .init(summary))))
        }
    }

    /// Tests only: a shell command run between creating the commit and moving the branch, to
    /// stage a concurrent push (`MCAPPLY_TEST_BEFORE_SWAP`).
    private static func testHookBeforeSwap() {
        guard let command = ProcessInfo.processInfo.environment["MCAPPLY_TEST_BEFORE_SWAP"] else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try? process.run()
        process.waitUntilExit()
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

        init(_ summary: FolderWriteSummary) {
            written = (summary.created + summary.updated).sorted().map(\.string)
            removed = summary.removed.map(\.string)
        }
    }

    var formatVersion = "1.0"
    var action: String
    @NullWhenNil var commit: String?
    @NullWhenNil var branch: String?
    var summary: Summary
    var files: Files
}

extension ApplyReport.Summary {
    init(_ plan: Plan) {
        self.init(add: plan.add, change: plan.change, destroy: plan.destroy)
    }
}
