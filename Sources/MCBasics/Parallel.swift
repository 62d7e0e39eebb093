import Dispatch
import Foundation

/// Pure work spread over every core, with results in a fixed order: the same output however
/// many cores there are.
package enum Parallel {
    /// `transform(index)` for every index in `0..<count`, in index order.
    package static func map<Result: Sendable>(_ count: Int, _ transform: @Sendable (Int) -> Result) -> [Result] {
        guard count > 1 else { return (0..<count).map(transform) }
        // Several strided lanes per core, so that a lane of costly items does not hold up the rest.
        let lanes = min(count, ProcessInfo.processInfo.activeProcessorCount * 4)
        return [Result](unsafeUninitializedCapacity: count) { buffer, initialized in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                for index in stride(from: lane, to: count, by: lanes) {
                    (output.baseAddress! + index).initialize(to: transform(index))
                }
            }
            initialized = count
        }
    }

    /// `first()` and `second()` at once, on two cores when there are two (each may spread its own
    /// work further with `map`).
    package static func both<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
        let results = map(2) { index -> Either<A, B> in index == 0 ? .first(first()) : .second(second()) }
        guard case .first(let a) = results[0], case .second(let b) = results[1] else { preconditionFailure("each result at its index") }
        return (a, b)
    }

    private enum Either<A: Sendable, B: Sendable>: Sendable {
        case first(A)
        case second(B)
    }
}
