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
    }

    var formatVersion = "1.0"
    var action: String
    @NullWhenNil var commit: String?
    @NullWhenNil var branch: String?
    var summary: Summary
    var files: Files
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

    /// Standard output's text and standard error's.
    package func render(_ outcome: ApplyOutcome) -> (out: String, error: String) {
        switch outcome {
        case .invalid:
            return ("", "")
        case .failed(let error):
            return ("", "error: \(error.message)\n")
        case .refused(.handEdits(let edits)):
            return ("", "error: the rendered folder has uncommitted changes mcapply would overwrite:\n"
                + edits.map { "  \(display)/\($0)" }.joined(separator: "\n")
                + "\ncommit or discard them, or run with --force; nothing was written\n")
        case .refused(.emptyRender):
            return ("", "error: this render removes every cluster folder from \(display)/ (an empty or truncated topology?); "
                + "run with --allow-empty if that is meant; nothing was written\n")
        case .stalePlan:
            return ("", "error: stale plan: re-run mcplan (the topology or the committed \(display)/ changed since it was made); nothing was written\n")
        case .raced(let branch):
            return ("", "error: \(branch) moved while mcapply ran; nothing was committed (the work tree's \(display)/ is rendered). "
                + "Fetch, reset to the new tip and run mcapply --commit again.\n")
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
            return ("Committed \(String(commit.prefix(12))) on \(branch): \(PlanSummary.counts(add: plan.add, change: plan.change, destroy: plan.destroy)) "
                + "across \(PlanSummary.clusters(plan.changedClusters.count)).\n", "")
        case .alreadyCommitted(let branch, let write):
            if json { return (report("no-changes", commit: nil, branch: branch, counts: (0, 0, 0), write), "") }
            return ("No changes. \(branch) already holds this render; nothing to commit.\n", "")
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
