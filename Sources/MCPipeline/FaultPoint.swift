import Foundation

/// Tests only: `MCAPPLY_TEST_KILL_AT=<step>` makes the process kill itself with SIGKILL when it
/// reaches the named step, and `MCAPPLY_TEST_KILL_AT=write:<n>` after writing its n-th file, so
/// tests can prove a crash at any step leaves a state the next run completes. The steps of
/// `mcapply --commit`, in order: after-lock, after-commit, after-swap, write:<n>, after-write,
/// after-index.
package enum FaultPoint {
    private static let target = ProcessInfo.processInfo.environment["MCAPPLY_TEST_KILL_AT"]

    package static func reach(_ name: String) {
        guard target == name else { return }
        kill(getpid(), SIGKILL)
    }

    /// Called with the number of files written so far.
    package static func afterWriting(_ count: Int) {
        guard let target, target.hasPrefix("write:"), Int(target.dropFirst("write:".count)) == count else { return }
        kill(getpid(), SIGKILL)
    }
}
