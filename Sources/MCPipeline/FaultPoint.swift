import Foundation

/// Tests only: `MCAPPLY_TEST_KILL_AT=<name>` makes the process kill itself with SIGKILL when it
/// reaches the named step, so tests can prove a crash at any step leaves the repository whole.
package enum FaultPoint {
    /// The steps of `mcapply --commit`, in order.
    package static let steps = ["after-write", "after-commit", "after-swap"]

    package static func reach(_ name: String) {
        guard ProcessInfo.processInfo.environment["MCAPPLY_TEST_KILL_AT"] == name else { return }
        kill(getpid(), SIGKILL)
    }
}
