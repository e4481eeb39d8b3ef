import EloPipeline
import EloReports
import Foundation
import Hummingbird
import Logging

/// `elo serve`: the reports of one pipeline's index over HTTP, read-only — the pages `elo report` writes,
/// rendered in memory from the index (again only when it changed), the document pages, the source files
/// the index knows, and a search page with filters. Binds `127.0.0.1` unless told otherwise; a team reaches
/// it through a reverse proxy (README).
public struct ReportServer: Sendable {
    public var job: ReportJob
    public var host: String
    /// 0 picks a free port (the start line says which).
    public var port: Int
    /// The search page's language when the link gives none.
    public var language: ReportLanguage
    /// The date printed on the pages; today's (UTC) unless a test fixes it.
    var stamp: @Sendable () -> String? = ServedReports.today

    public init(job: ReportJob, host: String = "127.0.0.1", port: Int = 8080, language: ReportLanguage = .finnish) {
        self.job = job
        self.host = host
        self.port = port
        self.language = language
    }

    /// The application, not yet running; `onStart` gets the URL once the port is bound.
    func application(
        reports: ServedReports? = nil, logger: Logger = ReportServer.quietLogger,
        onStart: @escaping @Sendable (String) -> Void = { _ in }
    ) -> some ApplicationProtocol {
        let responder = ReportResponder(
            reports: reports ?? ServedReports(job: job, stamp: stamp, logger: logger),
            searcher: PassageSearcher(indexFile: job.indexFile, language: language, national: job.languages.national),
            sources: SourceFiles(inbox: job.inbox))
        let host = self.host
        return Application(
            responder: responder, configuration: .init(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let shown = host.contains(":") ? "[\(host)]" : host
                onStart("http://\(shown):\(channel.localAddress?.port ?? 0)/")
            },
            logger: logger)
    }

    /// Renders the reports once (an index that cannot be read stops here, before the port is bound), then
    /// serves until SIGTERM or SIGINT (`stopOnSignals`; false for tests: handling a signal sets the process to
    /// ignore it, and child processes started later — ingest workers in the same test process — would inherit
    /// that), or until the task is cancelled. A port that cannot be bound (taken, or below 1024 without the right) is a
    /// `ServerFailure` saying what to do.
    public func run(stopOnSignals: Bool = true, onStart: @escaping @Sendable (String) -> Void)
        async throws(ServerFailure)
    {
        let reports = ServedReports(job: job, stamp: stamp, logger: Self.quietLogger)
        _ = try await reports.current()
        let started = StartFlag()
        do {
            try await application(
                reports: reports,
                onStart: { url in
                    started.set()
                    onStart(url)
                }
            ).runService(gracefulShutdownSignals: stopOnSignals ? [.sigterm, .sigint] : [])
        } catch {
            if started.isSet { throw ServerFailure("elo serve stopped: \(error)") }
            throw ServerFailure(
                "cannot listen on \(host):\(port): \(error) — another program may use the port (`ss -ltnp 'sport = :\(port)'` "
                    + "shows which): choose another with --port, or stop that program")
        }
    }

    /// Hummingbird's own lines (start, shutdown) are left out: `elo serve` prints its own start line.
    static var quietLogger: Logger {
        var logger = Logger(label: "elo-serve")
        logger.logLevel = .warning
        return logger
    }
}

/// Whether the server came up, set from the server's task and read after it ended.
final class StartFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false

    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
