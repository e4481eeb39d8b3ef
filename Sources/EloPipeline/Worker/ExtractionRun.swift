import Dispatch
import EloCore
import EloExtraction
import Foundation
import Synchronization

/// Extracts and normalises many files in parallel, one `DocumentReader` per worker, keeping input order.
public struct ExtractionRun: Sendable {
    public var workers: Int
    public var limits: ExtractionLimits
    /// OCR of image-only pages; off unless asked for (it is slow).
    public var ocr: OCRSettings

    public init(
        workers: Int = ProcessInfo.processInfo.activeProcessorCount, limits: ExtractionLimits = .init(),
        ocr: OCRSettings = .init(mode: .off)
    ) {
        self.workers = max(1, workers)
        self.limits = limits
        self.ocr = ocr
    }

    /// Reads `files` with the same `password` for each (nil: none given). The result has one document per
    /// file, in the order given. Throws only when a worker cannot set up its libraries.
    public func read(_ files: [URL], password: String? = nil) throws -> [Document] {
        let results = Mutex<[Int: Document]>([:])
        let setupError = Mutex<(any Error)?>(nil)
        let workerCount = min(workers, max(1, files.count))
        let limits = self.limits
        let ocr = self.ocr
        DispatchQueue.concurrentPerform(iterations: workerCount) { worker in
            let reader: DocumentReader
            do {
                reader = try DocumentReader(limits: limits, ocr: ocr)
            } catch {
                setupError.withLock { $0 = error }
                return
            }
            for index in stride(from: worker, to: files.count, by: workerCount) {
                let document = reader.read(
                    files[index], password: password,
                    limits: DocumentLimits(maxTextMB: max(1, limits.maxTextBytes >> 20)))
                results.withLock { $0[index] = document }
            }
        }
        if let error = setupError.withLock({ $0 }) { throw error }
        return results.withLock { collected in files.indices.compactMap { collected[$0] } }
    }
}
