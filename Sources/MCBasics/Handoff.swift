import Foundation

/// A value one thread hands to another part way through its work: `wait` blocks until `give`
/// has been called. Only the first `give` counts, so the giver can end with `give(nil)` on every
/// way out (a failure, an early stop) and the taker never waits forever.
package final class Handoff<Value: Sendable>: @unchecked Sendable {
    // Guarded by `condition`.
    private var value: Value?
    private var given = false
    private let condition = NSCondition()

    package init() {}

    package func give(_ value: Value?) {
        condition.lock()
        defer { condition.unlock() }
        guard !given else { return }
        (self.value, given) = (value, true)
        condition.broadcast()
    }

    /// The value given (nil when the giver had none), once it is given.
    package func wait() -> Value? {
        condition.lock()
        defer { condition.unlock() }
        while !given { condition.wait() }
        return value
    }
}
