import Dispatch
import Synchronization

/// A value worked out on another thread from the moment it is made, while the caller goes on with something
/// else; ``value()`` waits for it (once it is there, at once). What the work throws, `value()` throws.
public final class Prefetched<Value: Sendable>: Sendable {
    private let result = Mutex<Result<Value, any Error>?>(nil)
    private let finished = DispatchGroup()

    public init(_ work: @escaping @Sendable () throws -> Value) {
        finished.enter()
        DispatchQueue.global().async { [self] in
            let outcome = Result { try work() }
            result.withLock { $0 = outcome }
            finished.leave()
        }
    }

    public func value() throws -> Value {
        finished.wait()
        return try result.withLock { $0! }.get()
    }
}
