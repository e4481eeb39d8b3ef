import EloCore
import EloTestSupport
import Foundation
import Testing

@testable import EloExtraction

/// Every kind of bad input, with fixtures this project makes itself.
@Suite("Bad input")
struct BadInputTests {
    let folder: TemporaryFolder
    init() throws { folder = try TemporaryFolder(prefix: "elo-bad") }

    private func extract(_ data: Data, named name: String = "bad.pdf", password: String? = nil) throws -> ExtractedText
    {
        DocumentExtractor().run(url: try folder.write(data, to: name), password: password)
    }

    private static let goodPDF = MiniPDFWriter(
        pages: (1...3).map {
            .text(["Ohjauspalvelut sivulla \($0)", "Vägledning på sidan \($0)"])
        }
    ).data()

    struct Case: Sendable, CustomTestStringConvertible {
        let name: String
        let data: @Sendable () -> Data
        let status: ExtractionStatus
        let diagnostic: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "zero bytes", data: { BrokenPDFs.zeroBytes }, status: .failed, diagnostic: "extraction.unreadable"),
        Case(
            name: "truncated", data: { BrokenPDFs.truncated(goodPDF, fraction: 0.4) }, status: .partial,
            diagnostic: "extraction.damaged"),
        Case(
            name: "truncated to the header", data: { BrokenPDFs.truncated(goodPDF, fraction: 0.01) }, status: .failed,
            diagnostic: "extraction.unreadable"),
        Case(
            name: "garbage after a header", data: { BrokenPDFs.garbage() }, status: .failed,
            diagnostic: "extraction.unreadable"),
        Case(
            name: "garbage named .pdf", data: { BrokenPDFs.garbage(header: false) }, status: .failed,
            diagnostic: "extraction.unreadable"),
        Case(
            name: "page tree loop", data: { BrokenPDFs.pageTreeLoop() }, status: .partial,
            diagnostic: "extraction.page-failed"),
        Case(
            name: "absurd page count", data: { BrokenPDFs.absurdPageCount() }, status: .failed,
            diagnostic: "extraction.unreadable"),
        Case(
            name: "broken startxref", data: { BrokenPDFs.badXrefPointer() }, status: .partial,
            diagnostic: "extraction.damaged"),
    ]

    @Test(arguments: cases)
    func brokenPDFGetsAStatusAndADiagnostic(_ testCase: Case) throws {
        let result = try extract(testCase.data())
        #expect(result.status == testCase.status)
        #expect(result.diagnostics.map(\.id).contains(testCase.diagnostic), "\(result.diagnostics)")
        #expect(result.diagnostics.allSatisfy { $0.message.contains(folder.url.path) })
    }

    @Test func textRecoveredFromARepairedPDFIsKept() throws {
        let result = try extract(BrokenPDFs.badXrefPointer(text: "Vaurioitunut mutta luettava"))
        #expect(result.pages.first?.lines.map(\.text) == ["Vaurioitunut mutta luettava"])
        let loop = try extract(BrokenPDFs.pageTreeLoop(text: "Silmukan sivu"))
        #expect(loop.pages.flatMap(\.lines).map(\.text) == ["Silmukan sivu"])
    }

    /// A PDF whose `%PDF` header line was lost is still read (readers open it), marked partial and damaged; a text
    /// file named .pdf (no header, no objects) is refused as not a PDF.
    @Test func aPDFWithoutItsHeaderIsReadAsDamaged() throws {
        let body = Self.goodPDF.drop { $0 != 0x0A }.dropFirst()
        let result = try extract(Data(body))
        #expect(result.status == .partial)
        #expect(result.pages.first?.lines.map(\.text) == ["Ohjauspalvelut sivulla 1", "Vägledning på sidan 1"])
        #expect(result.diagnostics.contains { $0.id == "extraction.damaged" && $0.message.contains("%PDF header") })
        let text = try extract(Data("Ohjauspalvelut ovat kaikkien saatavilla.\n".utf8), named: "teksti.pdf")
        #expect(text.status == .failed)
        #expect(text.diagnostics.map(\.message).contains { $0.contains("not a PDF: no %PDF header") })
    }

    @Test func missingFileFailsNamingThePath() {
        let url = folder.url.appendingPathComponent("ei-ole.pdf")
        let result = DocumentExtractor().run(url: url, password: nil)
        #expect(result.status == .failed)
        #expect(result.diagnostics.map(\.id) == ["extraction.missing-file"])
        #expect(result.diagnostics[0].message.contains(url.path))
        #expect(result.sha256.isEmpty)
    }

    @Test func folderIsNotADocument() throws {
        let dir = folder.url.appendingPathComponent("kansio.pdf", isDirectory: true)
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let result = DocumentExtractor().run(url: dir, password: nil)
        #expect(result.status == .failed)
        #expect(result.diagnostics.map(\.id) == ["extraction.not-a-file"])
    }

    @Test func deviceIsNotADocument() {
        let result = DocumentExtractor().run(url: URL(fileURLWithPath: "/dev/zero"), password: nil)
        #expect(result.status == .failed)
        #expect(result.diagnostics.map(\.id) == ["extraction.not-a-file"])
    }

    @Test func symlinkedDocumentIsReadAsItsTarget() throws {
        let target = try folder.write(Self.goodPDF, to: "kohde.pdf")
        let link = folder.url.appendingPathComponent("linkki.pdf")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let result = DocumentExtractor().run(url: link, password: nil)
        #expect(result.status == .ok)
        #expect(result.path == link.path)
    }

    @Test func unreadableFileFailsWithAReason() throws {
        let url = try folder.write(Data("salainen".utf8), to: "locked.txt")
        try FileManager.default.setAttributes([.posixPermissions: 0], ofItemAtPath: url.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: url.path) }
        guard !FileManager.default.isReadableFile(atPath: url.path) else {
            print("note: running as root, a mode-000 file is still readable; skipping the permission check")
            return
        }
        let result = DocumentExtractor().run(url: url, password: nil)
        #expect(result.status == .failed)
        #expect(result.diagnostics.map(\.id) == ["extraction.unreadable"])
    }

    @Test func fileAboveTheSizeLimitIsNotRead() throws {
        let url = try folder.write(Self.goodPDF, to: "big.pdf")
        let result = DocumentExtractor(limits: ExtractionLimits(maxFileBytes: 100)).run(url: url, password: nil)
        #expect(result.status == .failed)
        #expect(result.diagnostics.map(\.id) == ["extraction.too-large"])
    }

    @Test func pdfIsRecognisedByItsBytesNotItsName() throws {
        let result = try extract(Self.goodPDF, named: "liite.txt")
        #expect(result.method == .textLayer)
        #expect(result.status == .ok)
        #expect(result.pages.count == 3)
    }

    @Test func oneBadFileDoesNotStopTheNext() throws {
        let bad = try folder.write(BrokenPDFs.garbage(), to: "a.pdf")
        let good = try folder.write(Self.goodPDF, to: "b.pdf")
        let results = [bad, good].map { DocumentExtractor().run(url: $0, password: nil) }
        #expect(results.map(\.status) == [.failed, .ok])
    }

    // MARK: Encryption (fixtures made with qpdf)

    private func encrypted() throws -> URL? {
        let plain = try folder.write(Self.goodPDF, to: "plain.pdf")
        guard
            let url = QPDF.encrypt(
                plain, to: folder.url.appendingPathComponent("salattu.pdf"),
                user: "user", owner: "owner")
        else {
            print(
                "note: qpdf is not installed; skipping the encrypted-PDF checks (install it with scripts/install-deps.sh)"
            )
            return nil
        }
        return url
    }

    @Test func encryptedPDFWithoutPasswordNeedsOne() throws {
        guard let url = try encrypted() else { return }
        let result = DocumentExtractor().run(url: url, password: nil)
        #expect(result.status == .needsPassword)
        #expect(result.diagnostics.map(\.id) == ["extraction.encrypted"])
        #expect(result.diagnostics[0].severity == .error)
        #expect(result.diagnostics[0].message.contains("--password"))
        #expect(result.diagnostics[0].message.contains(url.path))
        #expect(!result.sha256.isEmpty)
    }

    @Test func encryptedPDFWithWrongPasswordSaysSo() throws {
        guard let url = try encrypted() else { return }
        let result = DocumentExtractor().run(url: url, password: "väärä")
        #expect(result.status == .needsPassword)
        #expect(result.diagnostics.map(\.id) == ["extraction.wrong-password"])
    }

    @Test(arguments: ["user", "owner"])
    func encryptedPDFWithTheRightPasswordIsRead(_ password: String) throws {
        guard let url = try encrypted() else { return }
        let result = DocumentExtractor().run(url: url, password: password)
        #expect(result.status == .ok)
        #expect(result.pages[2].lines.map(\.text) == ["Ohjauspalvelut sivulla 3", "Vägledning på sidan 3"])
    }

    @Test func passwordGivenForAnUnencryptedPDFIsIgnored() throws {
        let url = try folder.write(Self.goodPDF, to: "avoin.pdf")
        let result = DocumentExtractor().run(url: url, password: "turha")
        #expect(result.status == .ok)
        #expect(result.pages.count == 3)
    }

    @Test func manyDocumentsCanBeExtractedAtOnce() throws {
        let urls = try (0..<12).map { index -> URL in
            let data = index % 3 == 0 ? BrokenPDFs.garbage(seed: UInt64(index)) : Self.goodPDF
            return try folder.write(data, to: "rinnakkain-\(index).pdf")
        }
        let statuses = Statuses(count: urls.count)
        DispatchQueue.concurrentPerform(iterations: urls.count) { index in
            statuses.set(index, DocumentExtractor().run(url: urls[index], password: nil).status)
        }
        #expect(statuses.values == urls.indices.map { $0 % 3 == 0 ? .failed : .ok })
    }
}

/// Results written from concurrent workers, one slot each.
private final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [ExtractionStatus?]
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ status: ExtractionStatus) { lock.withLock { storage[index] = status } }
    var values: [ExtractionStatus?] { lock.withLock { storage } }
}
