import Dispatch
import Foundation
import Synchronization

/// A request to stop a run early, as SIGTERM (systemd, `kill`) or SIGINT (Ctrl-C) asks: the run takes no
/// further document, keeps what it committed (the document being committed is finished: one transaction),
/// drops the readings still in the workers (read again by the next run), marks the run `interrupted`, releases
/// the lock and exits 128 + the signal's number (143, 130).
public final class StopRequest: Sendable {
    private let received = Mutex<Int32?>(nil)

    public init() {}

    /// The signal that asked to stop, once one did.
    public var signal: Int32? { received.withLock { $0 } }

    public var isRequested: Bool { signal != nil }

    /// Asks the run to stop (the first request counts) and ends the workers' readings at once, so that no thread
    /// waits for a document that will not be committed.
    public func request(_ signal: Int32) {
        let first = received.withLock { value -> Bool in
            guard value == nil else { return false }
            value = signal
            return true
        }
        if first { WorkerProcess.killAll() }
    }

    /// Replaces the default action of SIGTERM and SIGINT (dying on the spot) by a request to stop. Keep the
    /// returned sources as long as the run lasts.
    public func listen(to signals: [Int32] = [SIGTERM, SIGINT]) -> [any DispatchSourceSignal] {
        signals.map { number in
            Foundation.signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler { [self] in request(number) }
            source.resume()
            return source
        }
    }

    /// The name a person knows the signal by.
    public static func name(_ signal: Int32) -> String {
        switch signal {
        case SIGTERM: "SIGTERM"
        case SIGINT: "SIGINT"
        default: "signal \(signal)"
        }
    }
}
