import ArgumentParser
import EloPipeline
import EloReports
import EloServer
import Foundation

/// `elo serve`: the reports of the index over HTTP, read-only, with a search page.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the reports and a search page over HTTP, read-only.",
        discussion: """
            Shows in a browser what `elo report` writes — the national matrix (index.html in Finnish, \
            index-sv.html in Swedish), the region pages, the document pages, coverage.csv/.json/.xlsx — rendered \
            from the index, plus /search?q=…&region=…&set=…&label=… (a search box with filters, ranked as \
            `elo search`). The index is opened read-only and nothing can be written (only GET and HEAD are \
            answered): a nightly `elo ingest` may run meanwhile, and its results show on the next request, \
            without a restart. The pages link to the documents' source files under /sources/ (only files the \
            index knows, from the pipeline's inbox).

            It listens on 127.0.0.1 (this machine only) unless --host says otherwise; for a team, keep it there \
            and put a reverse proxy (nginx, with the team's sign-in) in front — see README. --port 0 takes a free \
            port. One line is printed when it is listening, with the URL; stop it with Ctrl-C or SIGTERM.

            Examples:
              elo serve --pipeline pipelines/elo-2014.yaml
              elo serve --pipeline pipelines/elo-2014.yaml --port 8181 --lang sv
              elo serve --pipeline /srv/elo/elo-2014.yaml --output /srv/elo/out --host 127.0.0.1 --port 8080
            """)

    @OptionGroup var options: ReportOptions

    @Option(
        name: .long,
        help:
            "Address to listen on (127.0.0.1: this machine only; 0.0.0.0: every network — put a proxy with sign-in in front)."
    )
    var host = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0: a free one, printed at start).")
    var port = 8080

    @Option(
        name: .long,
        help:
            "Write every page in this language: fi or sv (default: the national pages in both, each region in its own)."
    )
    var lang: ReportLanguage?

    func validate() throws {
        if !(0...65535).contains(port) { throw ValidationError("--port must be between 0 and 65535") }
        if host.isEmpty { throw ValidationError("--host must name an address, e.g. 127.0.0.1") }
    }

    func run() async throws {
        do {
            var job = try options.job()
            if let lang { job.languages = .only(lang) }
            let server = ReportServer(job: job, host: host, port: port, language: lang ?? .finnish)
            let index = job.indexFile.path
            try await server.run { url in
                let line =
                    "elo serve: \(url) — the reports of \(index) (read-only); search: \(url)search; stop with Ctrl-C\n"
                FileHandle.standardOutput.write(Data(line.utf8))
            }
        } catch let failure as ServerFailure {
            throw CommandFailure("elo serve: \(failure.message)")
        } catch {
            throw fail("serve", error)
        }
    }
}
