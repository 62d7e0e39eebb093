import Foundation

/// Work on a thread of its own while the caller goes on; `value` waits for it. Wait for it before
/// the process exits, even when its result is no longer wanted: `exit` tears the C and Swift
/// runtimes down under any thread still using them.
package final class Background<Value: Sendable>: @unchecked Sendable {
    // Written once by the thread before it signals, read only after waiting for that signal.
    private var result: Value?
    private let finished = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> Value) {
        Thread { [self] in
            result = work()
            finished.signal()
        }.start()
    }

    /// The work's result, once it is done.
    package var value: Value {
        finished.wait()
        defer { finished.signal() }
        return result!
    }
}
