import EloCore
import Foundation
import Testing

/// The JSON field names and enum spellings are a contract with analysts' scripts.
@Suite struct DocumentJSONTests {
    @Test func encodesTheContractedShape() throws {
        let document = Document(
            path: "inbox/lappi/plan.pdf", sha256: "ab", pages: 2, language: .swedish, status: .needsPassword,
            method: .textLayer,
            diagnostics: [Diagnostic(id: "extraction.encrypted", severity: .error, message: "encrypted")],
            passages: [Passage(page: 2, index: 0, kind: .listItem, language: .finnish, text: "Ohjaamo")])
        let object = try #require(
            JSONSerialization.jsonObject(with: JSONEncoder().encode(document)) as? [String: Any])
        #expect(object["status"] as? String == "needs-password")
        #expect(object["method"] as? String == "text-layer")
        #expect(object["language"] as? String == "sv")
        #expect(object["pages"] as? Int == 2)
        let passage = try #require((object["passages"] as? [[String: Any]])?.first)
        #expect(passage["kind"] as? String == "list-item")
        #expect(passage["page"] as? Int == 2)
        #expect(passage["index"] as? Int == 0)
        #expect(passage["labels"] == nil, "unclassified passages carry no labels key")
        let diagnostic = try #require((object["diagnostics"] as? [[String: Any]])?.first)
        #expect(diagnostic["severity"] as? String == "error")
        #expect(diagnostic["id"] as? String == "extraction.encrypted")
    }

    @Test func statusesThatCanBeAssessed() {
        #expect(ExtractionStatus.allCases.filter(\.isReadable) == [.ok, .partial])
    }

    @Test func severitiesAreOrdered() {
        #expect(Diagnostic.Severity.info < .warning && Diagnostic.Severity.warning < .error)
    }
}
