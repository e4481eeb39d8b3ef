import EloCore
import EloTestSupport
import Foundation
import Testing

@testable import EloExtraction

/// DOCX and ODT files made by ``WordFixture``: the same content must come out the same from both formats.
@Suite struct WordExtractionTests {
    enum Format: String, CaseIterable { case docx, odt }

    static let sample = WordFixture([
        .heading("1 Elinikäinen ohjaus Lapissa", level: 1),
        .paragraph("Ohjaus\u{AD}palvelut ovat kaikkien saatavilla.\tToinen lause."),
        .listItem("TE-toimisto"),
        .listItem("Ohjaamo"),
        .table([["Tavoite", "Mittari"], ["Saatavuus", "Kävijät"]]),
        .heading("Sammanfattning", level: 2),
        .paragraph("Rad ett\nrad två."),
    ])

    static func data(_ fixture: WordFixture, _ format: Format) throws -> Data {
        format == .docx ? try fixture.docx() : try fixture.odt()
    }

    /// The non-separator lines of all pages, as (text, role).
    static func lines(_ text: ExtractedText) -> [(String, TextLine.Role?)] {
        text.pages.flatMap { $0.lines }.filter { $0.text != " " }.map { ($0.text, $0.role) }
    }

    @Test(arguments: Format.allCases)
    func readsHeadingsListsAndTablesInReadingOrder(format: Format) throws {
        let result = WordExtractor().run(path: "plan.\(format)", bytes: try Self.data(Self.sample, format))
        #expect(result.status == .ok)
        #expect(result.method == .plainText)
        #expect(result.pageCount == 1)
        #expect(result.sha256.count == 64)
        let lines = Self.lines(result)
        #expect(
            lines.map(\.0) == [
                "1 Elinikäinen ohjaus Lapissa",
                "Ohjaus\u{AD}palvelut ovat kaikkien saatavilla. Toinen lause.",
                "• TE-toimisto", "• Ohjaamo",
                "Tavoite", "Mittari", "Saatavuus", "Kävijät",
                "Sammanfattning",
                "Rad ett rad två.",
            ])
        #expect(lines.map(\.1) == [.heading, nil, .listItem, .listItem, nil, nil, nil, nil, .heading, nil])
    }

    @Test(arguments: Format.allCases)
    func paragraphsAreSeparatedByWhitespaceOnlyLines(format: Format) throws {
        let result = WordExtractor().run(path: "plan.\(format)", bytes: try Self.data(Self.sample, format))
        let texts = result.pages[0].lines.map(\.text)
        #expect(texts.count == 2 * Self.lines(result).count - 1)
        for (index, text) in texts.enumerated() {
            #expect((index % 2 == 1) == (text == " "))
        }
    }

    @Test(arguments: Format.allCases)
    func explicitPageBreaksSplitPages(format: Format) throws {
        let fixture = WordFixture([
            .paragraph("Sivu yksi."), .pageBreak, .heading("Sivu kaksi"), .paragraph("Teksti."), .pageBreak,
            .paragraph("Sivu kolme."),
        ])
        let result = WordExtractor().run(path: "x.\(format)", bytes: try Self.data(fixture, format))
        #expect(result.pageCount == 3)
        #expect(result.pages.map(\.number) == [1, 2, 3])
        #expect(
            result.pages.map { $0.lines.filter { $0.text != " " }.map(\.text) }
                == [["Sivu yksi."], ["Sivu kaksi", "Teksti."], ["Sivu kolme."]])
    }

    @Test(arguments: ["Heading", "Otsikko", "Rubrik", "OmaTyyli"])
    func headingStylesInAnyLocaleAreHeadings(styleID: String) throws {
        // "OmaTyyli1" is a custom id: it is a heading through its name ("heading 1") and outline level.
        let fixture = WordFixture([.heading("Tavoitteet", level: 1), .paragraph("Teksti.")], headingStyleID: styleID)
        let result = WordExtractor().run(path: "x.docx", bytes: try fixture.docx())
        #expect(Self.lines(result).map(\.1) == [.heading, nil])
    }

    @Test func docxSkipsDeletedTextFieldCodesAndFallbackCopies() throws {
        let body = """
            <w:p><w:r><w:t>Näkyvä</w:t></w:r><w:del><w:r><w:delText>poistettu</w:delText></w:r></w:del>\
            <w:r><w:instrText>TOC \\o</w:instrText></w:r><w:r><w:t xml:space="preserve"> teksti</w:t></w:r>\
            <w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><w:txbxContent><w:p><w:r>\
            <w:t>Tekstiruutu</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict>\
            <w:txbxContent><w:p><w:r><w:t>Tekstiruutu</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>\
            </mc:AlternateContent></w:r></w:p>
            """
        let result = WordExtractor().run(path: "x.docx", bytes: try WordFixture([.raw(body)]).docx())
        #expect(Self.lines(result).map(\.0) == ["Tekstiruutu", "Näkyvä teksti"])
    }

    @Test func odtSkipsNotesAndExpandsSpaces() throws {
        let body = """
            <text:p>Alku<text:s text:c="3"/>loppu<text:note text:note-class="footnote"><text:note-citation>1\
            </text:note-citation><text:note-body><text:p>Alaviite</text:p></text:note-body></text:note>.</text:p>\
            <text:list><text:list-item><text:list><text:list-item><text:p>Sisäkkäinen</text:p></text:list-item>\
            </text:list></text:list-item></text:list>
            """
        let result = WordExtractor().run(path: "x.odt", bytes: try WordFixture([.raw(body)]).odt())
        #expect(Self.lines(result).map(\.0) == ["Alku loppu.", "• Sisäkkäinen"])
        #expect(Self.lines(result).map(\.1) == [nil, .listItem])
    }

    // MARK: Bad Word files

    struct BadCase: CustomTestStringConvertible, Sendable {
        let name: String
        let bytes: @Sendable () throws -> Data
        let status: ExtractionStatus
        let diagnostic: String
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(
            name: "encrypted docx (OLE EncryptedPackage)", bytes: { WordFixture.encryptedOfficeFile() },
            status: .needsPassword, diagnostic: "extraction.word-encrypted"),
        BadCase(
            name: "encrypted odt (manifest encryption-data)",
            bytes: { try WordFixture([.paragraph("Salainen.")]).odt(encrypted: true) },
            status: .needsPassword, diagnostic: "extraction.word-encrypted"),
        BadCase(
            name: "legacy .doc",
            bytes: {
                var data = Data(WordFileKind.oleMagic) + Data(repeating: 0, count: 504)
                for unit in "WordDocument".utf16 {
                    data.append(UInt8(unit & 0xFF))
                    data.append(UInt8(unit >> 8))
                }
                return data
            }, status: .failed, diagnostic: "extraction.word-legacy-format"),
        BadCase(
            name: "truncated zip", bytes: { try WordFixture([.paragraph("Teksti.")]).docx().prefix(120) },
            status: .failed, diagnostic: "extraction.word-corrupt"),
        BadCase(
            name: "zip magic then garbage", bytes: { Data(WordFileKind.zipMagic) + Data(repeating: 0x41, count: 300) },
            status: .failed, diagnostic: "extraction.word-corrupt"),
        BadCase(
            name: "docx without document.xml",
            bytes: {
                try WordFixture.zip([
                    ("[Content_Types].xml", WordFixture.contentTypes),
                    ("_rels/.rels", WordFixture.packageRelationships),
                ])
            }, status: .failed, diagnostic: "extraction.word-missing-body"),
        BadCase(
            name: "odt without content.xml",
            bytes: {
                try WordFixture.zip([("mimetype", "application/vnd.oasis.opendocument.text")])
            }, status: .failed, diagnostic: "extraction.word-missing-body"),
        BadCase(
            name: "spreadsheet",
            bytes: {
                try WordFixture.zip([("mimetype", "application/vnd.oasis.opendocument.spreadsheet")])
            }, status: .failed, diagnostic: "extraction.word-unsupported"),
        BadCase(
            name: "zip of something else", bytes: { try WordFixture.zip([("readme.txt", "hello")]) },
            status: .failed, diagnostic: "extraction.word-missing-body"),
        BadCase(
            name: "empty docx body", bytes: { try WordFixture([]).docx() },
            status: .failed, diagnostic: "extraction.word-empty"),
    ]

    @Test(arguments: badCases)
    func badWordFilesGetAClearDiagnostic(_ bad: BadCase) throws {
        let result = WordExtractor().run(path: "inbox/lappi/plan.docx", bytes: try bad.bytes())
        #expect(result.status == bad.status)
        #expect(result.diagnostics.map(\.id).contains(bad.diagnostic))
        #expect(result.diagnostics.allSatisfy { $0.message.hasPrefix("inbox/lappi/plan.docx: ") })
        #expect(result.pages.allSatisfy { $0.lines.isEmpty })
    }

    @Test func brokenXMLKeepsTheTextBeforeTheDamage() throws {
        var document = WordFixture([.paragraph("Ensimmäinen kappale."), .paragraph("Toinen.")]).docxDocument()
        document = String(document.prefix(through: document.range(of: "Toinen")!.lowerBound)) + "<<<"
        let data = try WordFixture.zip([
            ("[Content_Types].xml", WordFixture.contentTypes),
            ("word/document.xml", document),
        ])
        let result = WordExtractor().run(path: "x.docx", bytes: data)
        #expect(result.status == .partial)
        #expect(result.diagnostics.map(\.id) == ["extraction.word-damaged"])
        #expect(Self.lines(result).first?.0 == "Ensimmäinen kappale.")
    }

    @Test func zipBombPartsAreRefused() throws {
        let big = WordFixture([.paragraph(String(repeating: "a", count: 200_000))])
        let result = WordExtractor(maxPartBytes: 50_000).run(path: "x.docx", bytes: try big.docx())
        #expect(result.status == .failed)
        #expect(result.diagnostics.map(\.id) == ["extraction.word-too-large"])
    }

    @Test func claimsZipAndCompoundFilesOnly() throws {
        #expect(WordExtractor.claims(try Self.sample.docx()))
        #expect(WordExtractor.claims(WordFixture.encryptedOfficeFile()))
        #expect(!WordExtractor.claims(Data("%PDF-1.4".utf8)))
        #expect(!WordExtractor.claims(Data("Tavallinen teksti".utf8)))
    }
}

/// Word files reach ``WordExtractor`` through the stage's dispatch by their bytes, whatever their name.
@Suite struct WordDispatchTests {
    @Test(arguments: ["plan.docx", "plan.odt", "plan", "plan.txt"])
    func wordPackagesAreReadAsWordByTheirBytes(name: String) throws {
        let folder = try TemporaryFolder()
        let bytes =
            name.hasSuffix(".odt") ? try WordExtractionTests.sample.odt() : try WordExtractionTests.sample.docx()
        let result = DocumentExtractor().run(url: try folder.write(bytes, to: name), password: nil)
        #expect(result.status == .ok)
        #expect(result.pages[0].lines.first?.role == .heading)
    }

    @Test func anEncryptedDocxIsNeedsPasswordThroughTheStage() throws {
        let folder = try TemporaryFolder()
        let result = DocumentExtractor().run(
            url: try folder.write(WordFixture.encryptedOfficeFile(), to: "salattu.docx"),
            password: nil)
        #expect(result.status == .needsPassword)
        #expect(result.diagnostics.map(\.id) == ["extraction.word-encrypted"])
    }
}
