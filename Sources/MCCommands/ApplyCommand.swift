import ArgumentParser
import Foundation
import MCPipeline
import MCViews

/// `mcapply`: validates and renders the topology, then makes the rendered folder in the work tree
/// equal to the render, and with `--commit` commits it onto the branch.
package struct ApplyCommand: ParsableCommand {
    package static let configuration = CommandConfiguration(
        commandName: "mcapply",
        abstract: "Render a Linkerd multicluster topology into its git-tracked folder.",
        discussion: """
        Examples:
          mcapply                             write rendered/ in the work tree
          mcapply --commit                    and commit it onto the checked-out branch
          mcapply --commit --plan plan.json   only if that plan is still current
          mcapply --commit --branch mesh --author "mesh-bot <bot@example.com>"

        Exit status: 0 applied or nothing to do (branch, index and work tree hold the render); 1 invalid topology, refused (hand edits, empty render, not a rendered folder, branch name, commit.gpgsign, sparse checkout, submodule) or failure, nothing changed; 3 another mcapply or git process holds the lock, the branch moved or the plan is stale, nothing changed, safe to retry; 4 committed, but the work tree or index could not follow (or, without --commit, the folder is partly written): run again once the cause is fixed; 64 bad usage.

        Environment: MCPLAN_NOW, NO_COLOR, FORCE_COLOR / CLICOLOR_FORCE, TERM=dumb, MCPLAN_DOCS_URL; GIT_DIR, GIT_WORK_TREE, GIT_INDEX_FILE, GIT_CEILING_DIRECTORIES; GIT_AUTHOR_NAME/EMAIL/DATE and GIT_COMMITTER_NAME/EMAIL/DATE, else git's user.name and user.email, give the author (unless --author) and committer. No git hooks are run.

        """,
        version: Product.versionLine)

    @OptionGroup var common: CommonOptions

    @Flag(help: "Commit the rendered folder onto the branch (compare-and-swap on its tip).")
    var commit = false

    @Option(name: [.customShort("m"), .customLong("message")], help: "The commit message (default: a summary of the plan).")
    var message: String?

    @Option(help: ArgumentHelp("The commit's author, \"Name <email>\" (default: git config, else mcapply <mcapply@localhost>).", valueName: "author"))
    var author: String?

    @Option(help: ArgumentHelp("Commit onto this branch (created if missing) instead of the checked-out one.", valueName: "name"))
    var branch: String?

    @Option(help: ArgumentHelp("Apply only if this plan (from mcplan --out) is still current.", valueName: "planfile"), completion: .file(extensions: ["json"]))
    var plan: String?

    @Flag(help: "Overwrite uncommitted hand edits inside the rendered folder.")
    var force = false

    @Flag(help: "Allow a render that removes every cluster folder.")
    var allowEmpty = false

    @Option(name: [.customShort("o"), .customLong("output")], help: "text or json.")
    var output: ApplyOutputFormat = .text

    package init() {}

    package func validate() throws {
        if let author, !ApplyRequest.isAuthor(author) {
            throw ValidationError("--author must look like \"Name <email>\"")
        }
        if let message, message.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            throw ValidationError("-m must not be empty (git refuses empty messages; leave -m out for the default one)")
        }
        if !commit, message != nil || author != nil || branch != nil {
            throw ValidationError("-m, --author and --branch only make sense with --commit")
        }
    }

    package func run() throws {
        let workspace = try common.workspace()
        let result = ApplyOperation(workspace: workspace, request: request).run()
        Console.error(DiagnosticsReport.text(result.compiled, style: common.style(.standardError)))
        let printed = ApplyView(json: output == .json, display: workspace.renderedDisplay).render(result.outcome)
        Console.out(printed.out)
        Console.error(printed.error)
        // The status tells what the repository holds, so a report that cannot be written changes
        // it only where nothing was applied anyway.
        if let reason = Console.outputFailure { Console.error("error: cannot write the report to standard output: \(reason)\n") }
        // Exits instead of returning: the render's tens of thousands of objects then go with the
        // process rather than being freed one by one (kept alive up to the exit, or Swift would
        // free them after their last use).
        withExtendedLifetime(result) { Self.exit(withError: ExitStatus(result.outcome).map(\.exitCode)) }
    }

    private var request: ApplyRequest {
        var request = ApplyRequest()
        request.commit = commit
        request.message = message
        request.author = author
        request.branch = branch
        request.planFile = plan
        request.force = force
        request.allowEmpty = allowEmpty
        request.commitMessage = CommitMessage.text
        return request
    }
}
