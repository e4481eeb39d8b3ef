import EloCore
import Foundation
import Testing

@testable import EloPipeline

#if canImport(Glibc)
    import Glibc
#endif

/// The ingest process never takes more of one document than its limits allow, whatever a worker sends.
@Suite struct AnswerBoundTests {
    @Test func anAnswerLongerThanTheLimitIsNotRead() throws {
        var fds: [Int32] = [0, 0]
        try #require(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
        let writer = WorkerChannel(fd: fds[1])
        let sent = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            _ = writer.send(Data(repeating: 0x61, count: 4 << 20))
            sent.signal()
        }
        var reader = WorkerChannel(fd: fds[0])
        var none: Int32?
        var drained = Data()
        let event = reader.nextLine(deadline: nil, drain: &none, drained: &drained, maxLineBytes: 1 << 20)
        close(fds[0])  // the sender's next write fails, and it stops
        sent.wait()
        close(fds[1])
        guard case .tooLong = event else {
            Issue.record("a 4 MB line was taken with a 1 MB limit: \(event)")
            return
        }
    }

    @Test func anAnswerWithinTheLimitIsRead() throws {
        var fds: [Int32] = [0, 0]
        #expect(socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &fds) == 0)
        defer {
            close(fds[0])
            close(fds[1])
        }
        #expect(WorkerChannel(fd: fds[1]).send(Data("{}".utf8)))
        var reader = WorkerChannel(fd: fds[0])
        var none: Int32?
        var drained = Data()
        guard case .line(let line) = reader.nextLine(deadline: nil, drain: &none, drained: &drained, maxLineBytes: 2)
        else {
            Issue.record("a line of exactly the limit was refused")
            return
        }
        #expect(line == Data("{}".utf8))
    }

    @Test func passagesBeyondTheLimitAreLeftOutOnTheParentsSideToo() {
        let passages = (0..<30).map {
            Passage(page: 1 + $0 / 10, index: $0 % 10, kind: .paragraph, language: .finnish, text: "Kappale \($0).")
        }
        let document = Document(
            path: "a.txt", sha256: "", pages: 3, language: .finnish, status: .ok, method: .plainText,
            diagnostics: [], passages: passages)
        let bounded = WorkerProcess.bounded(document, limits: DocumentLimits(maxTextMB: 1, maxPassages: 12))
        #expect(bounded.passages == Array(passages.prefix(12)))
        #expect(bounded.status == .partial)
        #expect(bounded.diagnostics.map(\.id) == ["normalisation.passage-limit"])
        #expect(bounded.diagnostics.first?.page == 2)
        #expect(WorkerProcess.bounded(document, limits: DocumentLimits(maxTextMB: 1, maxPassages: 30)) == document)
    }
}
