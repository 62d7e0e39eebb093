import Foundation
import MCBasics
import Testing

@Suite struct HandoffTests {
    /// The taker gets what the other thread gave, however long that thread takes; a later give
    /// (the giver's `give(nil)` on its way out) changes nothing.
    @Test(arguments: [0, 1, 20])
    func takerGetsTheFirstValueGiven(pause milliseconds: Int) {
        let handoff = Handoff<[Int]>()
        let done = DispatchSemaphore(value: 0)
        Thread {
            usleep(useconds_t(milliseconds * 1000))
            handoff.give([1, 2, 3])
            handoff.give(nil)
            done.signal()
        }.start()
        #expect(handoff.wait() == [1, 2, 3])
        done.wait()
        #expect(handoff.wait() == [1, 2, 3])
    }

    /// A giver that had nothing to give ends the wait with nil.
    @Test func nothingGivenIsNil() {
        let handoff = Handoff<String>()
        Thread { handoff.give(nil) }.start()
        #expect(handoff.wait() == nil)
        handoff.give("late")
        #expect(handoff.wait() == nil)
    }
}
