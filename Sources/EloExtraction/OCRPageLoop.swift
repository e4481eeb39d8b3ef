import EloCore
import Foundation

/// Recognises the wanted pages of one document in order: a page in the cache is taken from it, any other is
/// recognised and written to the cache at once (so a kill loses at most the page in progress) — until the
/// document's allowance is spent.
///
/// With an `OCRAllowance` (ingest), a spent allowance stops the loop with `stop` set: the document waits for the
/// next run, which finds these pages in the cache. A page stopped because the allowance ran out is not kept
/// and is tried again next run; a page that times out although it had its whole time (the first page a run
/// tries, or a page under its own `pageTimeout`) is given up and kept as such, so every run makes progress.
/// Without one (`elo extract`), `settings.documentTimeout` ends the loop and the pages not reached are missing.
struct OCRPageLoop {
    var settings: OCRSettings
    var allowance: OCRAllowance?
    var cache: OCRPageCache?
    /// Wall-clock time; the tests pass a clock that moves as they say.
    var now: () -> Date = Date.init
    /// CPU seconds this process has used.
    var processCPU: () -> Double = OCRPageLoop.processCPUSeconds

    /// What the loop did.
    struct Progress {
        var recognised: [Int: OCRRecognisedPage] = [:]
        var problems: [Diagnostic] = []
        /// Pages handed to the recogniser in this reading.
        var attempted = 0
        /// Pages that have a result, recognised or given up (from the cache or from this reading).
        var done = 0
        /// Why the allowance stopped the loop (the setting to raise), nil when it did not.
        var stop: OCRBudgetStop?
    }

    func run(_ wanted: [Int], path: String, recogniser: some OCRPageRecognising) -> Progress {
        var progress = Progress()
        let seconds = allowance?.seconds ?? settings.documentTimeout
        let deadline = now().addingTimeInterval(seconds)
        for (position, number) in wanted.enumerated() {
            if let entry = cache?.load(number) {
                record(entry, page: number, path: path, into: &progress)
                continue
            }
            if progress.stop != nil { continue }
            let remaining = deadline.timeIntervalSince(now())
            if let allowance {
                if let stop = budgetStop(allowance, attempted: progress.attempted, remaining: remaining) {
                    progress.stop = stop
                    continue  // later pages may still be in the cache
                }
            } else if remaining <= 0 {
                progress.problems.append(
                    OCRFinding.documentTimedOut(skipped: wanted.count - position, seconds: settings.documentTimeout)
                        .about(path))
                break
            }
            progress.attempted += 1
            let given = min(settings.pageTimeout, max(remaining, 0.001))
            do throws(ExtractionFailure) {
                let page = try recogniser.recognise(page: number, timeout: given)
                store(.recognised(page), page: number, path: path, into: &progress)
            } catch {
                guard error == .ocrTimedOut else {
                    store(
                        .givenUp(reason: error.description, timedOut: false), page: number, path: path, into: &progress)
                    continue
                }
                let hadItsTime =
                    given >= settings.pageTimeout
                    || (progress.attempted == 1 && !(allowance?.limitedByRun ?? false))
                if let allowance, !hadItsTime {
                    progress.stop = allowance.limitedByRun ? .runMinutes : .seconds
                    continue
                }
                store(
                    .givenUp(reason: "timed out after \(Int(given.rounded())) s", timedOut: true), page: number,
                    path: path, into: &progress)
            }
        }
        return progress
    }

    /// The setting that stops the next page, or nil while the allowance lasts.
    private func budgetStop(_ allowance: OCRAllowance, attempted: Int, remaining: Double) -> OCRBudgetStop? {
        if attempted >= allowance.maxPages { return .pages }
        if remaining <= 0 { return allowance.limitedByRun ? .runMinutes : .seconds }
        if let stop = allowance.processCPUStop, processCPU() >= stop { return .cpuSeconds }
        return nil
    }

    private func store(_ entry: OCRPageCache.Entry, page: Int, path: String, into progress: inout Progress) {
        cache?.store(page, entry)
        record(entry, page: page, path: path, into: &progress)
    }

    private func record(_ entry: OCRPageCache.Entry, page: Int, path: String, into progress: inout Progress) {
        progress.done += 1
        switch entry {
        case .recognised(let recognised):
            progress.recognised[page] = recognised
        case .givenUp(_, timedOut: true):
            progress.problems.append(OCRFinding.pageTimedOut(page: page, seconds: settings.pageTimeout).about(path))
        case .givenUp(let reason, timedOut: false):
            progress.problems.append(OCRFinding.pageFailed(page: page, reason: reason).about(path))
        }
    }

    /// CPU time (user + system) of this process so far.
    static func processCPUSeconds() -> Double {
        var usage = rusage()
        getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        func seconds(_ time: timeval) -> Double { Double(time.tv_sec) + Double(time.tv_usec) / 1_000_000 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}

/// Which part of the allowance ran out, named as the pipeline file's setting a person would raise.
enum OCRBudgetStop: String, Sendable {
    case pages = "ocr_max_pages"
    case seconds = "ocr_seconds"
    case runMinutes = "max_run_minutes"
    case cpuSeconds = "limits.cpu_seconds"
}
