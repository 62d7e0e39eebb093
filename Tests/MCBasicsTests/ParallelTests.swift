import MCBasics
import Testing

@Suite struct ParallelTests {
    /// Results come back in index order whatever the count and however the lanes are scheduled.
    @Test(arguments: [0, 1, 2, 7, 1000, 10_007])
    func mapKeepsIndexOrder(count: Int) {
        #expect(Parallel.map(count) { $0 * $0 } == (0..<count).map { $0 * $0 })
        #expect(Parallel.map(count) { String($0) } == (0..<count).map { String($0) })
    }
}
