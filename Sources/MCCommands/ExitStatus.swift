import ArgumentParser
import MCPipeline

/// The exit statuses of the README, and nowhere else.
package enum ExitStatus: Int32 {
    /// Valid; applied or nothing to do.
    case success = 0
    /// Invalid topology or any failure.
    case failure = 1
    /// `mcplan --detailed-exitcode`: there are changes.
    case changes = 2
    /// `mcapply`: nothing changed and a retry is right (the branch moved, a lock is held, the plan is stale).
    case retry = 3
    /// `mcapply`: the work tree's folder is not the render yet (the commit landed, or without
    /// `--commit` the folder is partly written); a rerun finishes it.
    case incomplete = 4
    /// Bad usage (ArgumentParser's validation failures use the same code).
    case usage = 64

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// An apply's status; nil for success.
    init?(_ outcome: ApplyOutcome) {
        switch outcome {
        case .written, .committed, .alreadyCommitted: return nil
        case .raced, .branchLocked, .locked, .stalePlan: self = .retry
        case .invalid, .refused, .failed: self = .failure
        case .partlyWritten, .committedBehind: self = .incomplete
        }
    }
}
