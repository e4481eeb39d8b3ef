import Dispatch
import Synchronization

extension Array where Element: Sendable {
    /// `transform` applied to every element on up to `threads` threads, results in the elements' order. Threads
    /// take the next element as they finish one, so uneven elements (a long document beside short ones) do not
    /// leave a core idle.
    public func concurrentMap<Result: Sendable>(threads: Int, _ transform: @Sendable (Element) -> Result) -> [Result] {
        guard threads > 1, count > 1 else { return map(transform) }
        let results = Mutex([Result?](repeating: nil, count: count))
        let next = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: Swift.min(threads, count)) { _ in
            while true {
                let index = next.withLock { value -> Int in
                    defer { value += 1 }
                    return value
                }
                guard index < count else { return }
                let result = transform(self[index])
                results.withLock { $0[index] = result }
            }
        }
        return results.withLock { $0.map { $0! } }
    }
}
