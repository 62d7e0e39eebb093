import ArgumentParser
import MCPipeline

/// The exit statuses of SPEC §4 and §5, and nowhere else.
package enum ExitStatus: Int32 {
    /// Valid; applied or nothing to do.
    case success = 0
    /// Invalid topology or any failure.
    case failure = 1
    /// `mcplan --detailed-exitcode`: there are changes.
    case changes = 2
    /// `mcapply`: the branch moved or the plan is stale; nothing committed.
    case retry = 3
    /// Bad usage (ArgumentParser's validation failures use the same code).
    case usage = 64

    var exitCode: ExitCode { ExitCode(rawValue) }

    /// An apply's status; nil for success.
    init?(_ outcome: ApplyOutcome) {
        switch outcome {
        case .written, .committed, .alreadyCommitted: return nil
        case .raced, .stalePlan: self = .retry
        case .invalid, .refused, .failed: self = .failure
        }
    }
}
