import EloCore
import Synchronization
import Testing

@Suite("prefetched values")
struct PrefetchedTests {
    struct Unreadable: Error, Equatable {}

    @Test("the value worked out on the other thread, the same on every call, worked out once")
    func value() throws {
        let calls = Mutex(0)
        let prefetched = Prefetched { () -> [Int] in
            calls.withLock { $0 += 1 }
            return (1...1_000).map { $0 * 2 }
        }
        #expect(try prefetched.value().reduce(0, +) == 1_001_000)
        #expect(try prefetched.value().count == 1_000)
        #expect(calls.withLock { $0 } == 1)
    }

    @Test("what the work throws, value() throws")
    func error() {
        let prefetched = Prefetched { () throws -> Int in throw Unreadable() }
        #expect(throws: Unreadable.self) { try prefetched.value() }
    }
}
