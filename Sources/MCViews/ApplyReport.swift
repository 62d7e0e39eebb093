import MCBasics
import MCPipeline
import MCPlanning

/// `mcapply -o json`: `{formatVersion, action, commit, branch, summary, files}`.
package struct ApplyReport: Encodable {
    struct Summary: Encodable {
        var add: Int
        var change: Int
        var destroy: Int
    }

    struct Files: Encodable {
        var written: [String]
        var removed: [String]

        init(_ write: FolderWrite) {
            written = write.written
            removed = write.removed
        }

        init(written: [String], removed: [String]) {
            self.written = written
            self.removed = removed
        }
    }

    var formatVersion = "1.0"
    var action: String
    @NullWhenNil var commit: String?
    @NullWhenNil var branch: String?
    var summary: Summary
    var files: Files
    /// Only when the commit landed but the work tree or index did not follow.
    var error: String?
}

/// What mcapply prints for each outcome: a report on standard output (text or JSON), or one
/// error on standard error. Diagnostics are printed apart, before it.
package struct ApplyView {
    package var json: Bool
    /// The rendered folder as the user named it.
    package var display: String

    package init(json: Bool, display: String) {
        self.json = json
        self.display = display
    }

    /// Standard output's text and standard error's. An error goes to standard error, and with
    /// `-o json` also to standard output as `{formatVersion, error}`.
    package func render(_ outcome: ApplyOutcome) -> (out: String, error: String) {
        if case .committedBehind(let commit, let branch, let plan, let cause) = outcome {
            let line = "error: committed \(String(commit.prefix(12))) on \(branch), but \(display)/ in the work tree or the index is not up to date "
                + "(\(cause.message)); run mcapply --commit again once that is fixed (or: git restore --source=HEAD --staged --worktree -- \(display))\n"
            guard json else { return ("", line) }
            let report = ApplyReport(action: "committed-incomplete", commit: commit, branch: branch,
                                     summary: .init(add: plan.add, change: plan.change, destroy: plan.destroy),
                                     files: .init(written: [], removed: []), error: String(line.dropFirst("error: ".count).dropLast()))
            return (JSONOutput.encode(report), line)
        }
        if let message = errorMessage(outcome) {
            return (json ? ErrorReport(message).json : "", "error: \(message)\n")
        }
        switch outcome {
        case .written(let write):
            if json {
                return (report(write.changed ? "written" : "no-changes", commit: nil, branch: nil,
                               counts: (write.add, write.change, write.destroy), write), "")
            }
            guard write.changed else { return ("No changes. \(display)/ is up to date.\n", "") }
            return ("Wrote \(display)/: \(PlanSummary.counts(add: write.add, change: write.change, destroy: write.destroy)) "
                + "(\(write.written.count) file\(write.written.count == 1 ? "" : "s") written, \(write.removed.count) removed) "
                + "across \(PlanSummary.clusters(write.clusters)).\n", "")
        case .committed(let commit, let branch, let plan, let write):
            if json { return (report("committed", commit: commit, branch: branch, counts: (plan.add, plan.change, plan.destroy), write), "") }
            let mesh = MeshText.counts(plan.mesh).map { $0 + ", " }.joined()
            return ("Committed \(String(commit.prefix(12))) on \(branch): \(mesh)\(PlanSummary.counts(add: plan.add, change: plan.change, destroy: plan.destroy)) "
                + "across \(PlanSummary.clusters(plan.changedClusters.count)).\n", "")
        case .alreadyCommitted(let branch, let write):
            if json { return (report("no-changes", commit: nil, branch: branch, counts: (0, 0, 0), write), "") }
            return ("No changes. \(branch) already holds this render; nothing to commit.\n", "")
        default:
            return ("", "")
        }
    }

    /// The one-line error of an outcome that applied nothing (nil for the others; the invalid
    /// topology's diagnostics are printed apart).
    private func errorMessage(_ outcome: ApplyOutcome) -> String? {
        switch outcome {
        case .invalid, .written, .committed, .alreadyCommitted, .committedBehind:
            return nil
        case .failed(let error):
            return error.message
        case .partlyWritten(let error):
            return "\(display)/ is partly written (\(error.message)); nothing was committed. Run mcapply again once that is fixed."
        case .refused(let refusal):
            return refusalMessage(refusal) + "; nothing was written"
        case .stalePlan:
            return "stale plan: re-run mcplan (the topology or the committed \(display)/ changed since it was made); nothing was written"
        case .raced(let branch):
            return "\(branch) moved while mcapply ran; nothing was committed or written. Fetch, reset to the new tip and run mcapply --commit again."
        case .branchLocked(let branch):
            return "another git process holds the lock of \(branch) (refs/heads/\(branch).lock); nothing was committed or written. "
                + "Run mcapply --commit again when it has finished."
        case .locked(.mcapply(let path)):
            return "another mcapply is writing in this work tree (it holds the lock on '\(path)'); nothing was done. Run mcapply again when it has finished."
        case .locked(.git(let lockFile)):
            return "another git process holds '\(lockFile)'; nothing was done. Run mcapply again when it has finished "
                + "(if no git process is running, one that crashed left the file: remove it)."
        }
    }

    private func refusalMessage(_ refusal: ApplyRefusal) -> String {
        switch refusal {
        case .handEdits(let edits):
            return "the rendered folder has uncommitted changes mcapply would overwrite:\n"
                + edits.map { "  \(display)/\($0)" }.joined(separator: "\n")
                + "\ncommit or discard them, or run with --force"
        case .emptyRender:
            return "this render removes every cluster folder from \(display)/ (an empty or truncated topology?); run with --allow-empty if that is meant"
        case .notRendered:
            return "'\(display)/' holds files but no .mcapply.json, so it is not a folder mcapply rendered; "
                + "name the rendered folder with --rendered, or run with --force to replace what it holds"
        case .invalidBranch(let name):
            return "'\(VisibleText.escaping(name))' is not a branch name git accepts (see git check-ref-format --branch)"
        case .checkedOutElsewhere(let name):
            return "\(VisibleText.escaping(name)) is checked out in another worktree, and git never moves a branch checked out elsewhere; "
                + "run mcapply --commit in that worktree, or name another --branch"
        case .detachedHead:
            return "HEAD is detached; name the branch to commit onto with --branch"
        case .signingRequired:
            return "commit.gpgsign is set and mcapply cannot sign commits (it never makes an unsigned one in silence); "
                + "set commit.gpgsign to false for this repository (git config commit.gpgsign false) to commit unsigned"
        case .submodules(let paths):
            return "\(paths.map { "\(display)/\($0)" }.joined(separator: ", ")) \(paths.count == 1 ? "is a submodule" : "are submodules"); "
                + "mcapply owns the whole folder and committing it would drop \(paths.count == 1 ? "it" : "them"): move \(paths.count == 1 ? "it" : "them") out of \(display)/"
        case .sparseCheckout(let paths):
            return "the sparse checkout leaves \(paths.count) file\(paths.count == 1 ? "" : "s") of \(display)/ out of the work tree (\(display)/\(paths[0])"
                + "\(paths.count > 1 ? ", …" : "")); mcapply writes the whole folder: run git sparse-checkout add \(display), or disable the sparse checkout"
        }
    }

    private func report(_ action: String, commit: String?, branch: String?, counts: (Int, Int, Int), _ write: FolderWrite) -> String {
        JSONOutput.encode(ApplyReport(action: action, commit: commit, branch: branch,
                                      summary: .init(add: counts.0, change: counts.1, destroy: counts.2), files: .init(write)))
    }
}

/// A runtime failure as JSON, for `-o json` callers: `{formatVersion, error}`.
package struct ErrorReport: Encodable {
    var formatVersion = "1.0"
    var error: String

    package init(_ message: String) {
        error = message
    }

    package var json: String { JSONOutput.encode(self) }
}
