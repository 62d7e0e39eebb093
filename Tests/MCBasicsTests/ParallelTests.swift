import MCBasics
import Testing

@Suite struct ParallelTests {
    /// Results come back in index order whatever the count and however the lanes are scheduled.
    @Test(arguments: [0, 1, 2, 7, 1000, 10_007])
    func mapKeepsIndexOrder(count: Int) {
        #expect(Parallel.map(count) { $0 * $0 } == (0..<count).map { $0 * $0 })
        #expect(Parallel.map(count) { String($0) } == (0..<count).map { String($0) })
    }

    /// Both results come back, each from its own closure, also when each spreads its work further.
    @Test func bothGivesEachResult() {
        let (squares, text) = Parallel.both({ Parallel.map(5000) { $0 * $0 } }, { (0..<300).map(String.init).joined(separator: ",") })
        #expect(squares == (0..<5000).map { $0 * $0 })
        #expect(text == (0..<300).map(String.init).joined(separator: ","))
    }
}
