import EloCore
import Synchronization
import Testing

@Suite("concurrent map")
struct ConcurrentMapTests {
    @Test("results come back in the elements' order, each element transformed once", arguments: [1, 2, 4, 16])
    func keepsOrder(threads: Int) {
        let calls = Mutex(0)
        // uneven work: later elements are cheap, so threads finish out of order
        let squares = Array(0..<200).concurrentMap(threads: threads) { value -> Int in
            calls.withLock { $0 += 1 }
            var spin = 0
            for step in 0..<((200 - value) * 50) { spin &+= step }
            return value * value + (spin == -1 ? 1 : 0)
        }
        #expect(squares == (0..<200).map { $0 * $0 })
        #expect(calls.withLock { $0 } == 200)
    }

    @Test("an empty array maps to an empty array")
    func empty() {
        #expect([Int]().concurrentMap(threads: 4) { $0 }.isEmpty)
    }
}
