import Foundation
import Synchronization

/// The documents of one run waiting to be read, shared by the reading threads: whole chains (the versions of
/// one document, oldest first, `IngestReadOrder`) handed out one at a time, and what the threads gather.
final class ReadingQueue: Sendable {
    let chains: [[IngestSteps.ReadJob]]
    let total: Int
    private let next = Mutex(0)
    private let done = Mutex(0)
    private let gathered = Mutex(IngestSteps.ReadResults())

    init(_ jobs: [IngestSteps.ReadJob]) {
        chains = IngestReadOrder.chains(jobs)
        total = jobs.count
    }

    /// The next chain no thread has taken; nil when all are taken.
    func takeChain() -> ArraySlice<IngestSteps.ReadJob>? {
        let index = next.withLock { value -> Int in
            defer { value += 1 }
            return value
        }
        return index < chains.count ? chains[index][...] : nil
    }

    /// Counts one more document done; returns how many are.
    func finishedOne() -> Int {
        done.withLock { value -> Int in
            value += 1
            return value
        }
    }

    func gather(_ change: (inout IngestSteps.ReadResults) -> Void) {
        gathered.withLock { change(&$0) }
    }

    var hasFailed: Bool { gathered.withLock { $0.error != nil } }

    /// What the threads gathered, with the chains no thread took listed as not started.
    func results() -> IngestSteps.ReadResults {
        let untaken = next.withLock { $0 }
        var results = gathered.withLock { $0 }
        if untaken < chains.count { results.notStarted += chains[untaken...].flatMap { $0 } }
        return results
    }
}
