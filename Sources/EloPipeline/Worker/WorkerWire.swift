import EloCore
import Foundation

/// The worker's answer as one JSON line, written and read by hand (``JSONWriter``, ``JSONScanner``): a night's
/// ingest moves every passage of every document through it, and `JSONEncoder`/`JSONDecoder` cost more than
/// the rest of the hand-over. The JSON is the one `Codable` gives `WorkerResponse` (same keys, absent
/// optionals left out), so either side may fall back to Foundation: `encode` when a number is not finite,
/// `decode` whenever the line is not exactly that shape.
enum WorkerWire {
    static func encode(_ response: WorkerResponse) -> Data? {
        var writer = JSONWriter(capacity: 1024 + response.document.passages.reduce(0) { $0 + $1.text.utf8.count + 96 })
        let document = response.document
        writer.beginObject()
        writer.key("document")
        writer.beginObject()
        writer.field("path", document.path)
        writer.field("sha256", document.sha256)
        writer.field("pages", document.pages)
        writer.field("language", document.language.rawValue)
        writer.field("status", document.status.rawValue)
        writer.field("method", document.method.rawValue)
        if let encoding = document.encoding { writer.field("encoding", encoding) }
        if let confidence = document.ocrConfidence, !writer.field("ocrConfidence", confidence) { return nil }
        writer.key("diagnostics")
        writer.beginArray()
        for diagnostic in document.diagnostics {
            writer.beginObject()
            writer.field("id", diagnostic.id)
            writer.field("severity", diagnostic.severity.rawValue)
            writer.field("message", diagnostic.message)
            if let page = diagnostic.page { writer.field("page", page) }
            writer.endObject()
        }
        writer.endArray()
        writer.key("passages")
        writer.beginArray()
        for passage in document.passages {
            writer.beginObject()
            writer.field("page", passage.page)
            writer.field("index", passage.index)
            writer.field("kind", passage.kind.rawValue)
            writer.field("language", passage.language.rawValue)
            writer.field("text", passage.text)
            if let confidence = passage.ocrConfidence, !writer.field("ocrConfidence", confidence) { return nil }
            if let labels = passage.labels {
                writer.key("labels")
                guard write(labels, to: &writer) else { return nil }
            }
            if let nearMisses = passage.nearMisses {
                writer.key("nearMisses")
                guard write(nearMisses, to: &writer) else { return nil }
            }
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        guard writer.field("cpuSeconds", response.cpuSeconds), writer.field("peakMemoryMB", response.peakMemoryMB)
        else { return nil }
        writer.endObject()
        return Data(writer.bytes)
    }

    private static func write(_ labels: [PassageLabel], to writer: inout JSONWriter) -> Bool {
        writer.beginArray()
        for label in labels {
            writer.beginObject()
            writer.field("id", label.id)
            guard writer.field("score", label.score) else { return false }
            writer.key("evidence")
            EvidenceJSON.write(label.evidence, to: &writer)
            writer.endObject()
        }
        writer.endArray()
        return true
    }

    static func decode(_ line: Data) -> WorkerResponse? {
        line.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            guard let response = Self.response(&scanner), scanner.finished() else { return nil }
            return response
        }
    }

    private static func response(_ scanner: inout JSONScanner) -> WorkerResponse? {
        var document: Document?
        var cpu: Double?
        var memory: Double?
        let read = scanner.object { key, scanner in
            switch key {
            case "document": document = Self.document(&scanner)
            case "cpuSeconds": cpu = scanner.double()
            case "peakMemoryMB": memory = scanner.double()
            default: return false
            }
            return true
        }
        guard read, let document, let cpu, let memory else { return nil }
        return WorkerResponse(document: document, cpuSeconds: cpu, peakMemoryMB: memory)
    }

    private static func document(_ scanner: inout JSONScanner) -> Document? {
        var path: String?
        var sha256: String?
        var pages: Int?
        var language: Language?
        var status: ExtractionStatus?
        var method: ExtractionMethod?
        var encoding: String?
        var diagnostics: [Diagnostic]?
        var passages: [Passage]?
        var confidence: Double?
        let read = scanner.object { key, scanner in
            switch key {
            case "path": path = scanner.string()
            case "sha256": sha256 = scanner.string()
            case "pages": pages = scanner.integer()
            case "language": language = scanner.string().flatMap(Language.init(rawValue:))
            case "status": status = scanner.string().flatMap(ExtractionStatus.init(rawValue:))
            case "method": method = scanner.string().flatMap(ExtractionMethod.init(rawValue:))
            case "encoding":
                guard let value = scanner.optional({ $0.string() }) else { return false }
                encoding = value
            case "ocrConfidence":
                guard let value = scanner.optional({ $0.double() }) else { return false }
                confidence = value
            case "diagnostics": diagnostics = scanner.array(Self.diagnostic)
            case "passages": passages = scanner.array(Self.passage)
            default: return false
            }
            return true
        }
        guard read, let path, let sha256, let pages, let language, let status, let method, let diagnostics, let passages
        else { return nil }
        return Document(
            path: path, sha256: sha256, pages: pages, language: language, status: status, method: method,
            encoding: encoding, diagnostics: diagnostics, passages: passages, ocrConfidence: confidence)
    }

    private static func diagnostic(_ scanner: inout JSONScanner) -> Diagnostic? {
        var id: String?
        var severity: Diagnostic.Severity?
        var message: String?
        var page: Int?
        let read = scanner.object { key, scanner in
            switch key {
            case "id": id = scanner.string()
            case "severity": severity = scanner.string().flatMap(Diagnostic.Severity.init(rawValue:))
            case "message": message = scanner.string()
            case "page":
                guard let value = scanner.optional({ $0.integer() }) else { return false }
                page = value
            default: return false
            }
            return true
        }
        guard read, let id, let severity, let message else { return nil }
        return Diagnostic(id: id, severity: severity, message: message, page: page)
    }

    private static func passage(_ scanner: inout JSONScanner) -> Passage? {
        var page: Int?
        var index: Int?
        var kind: Passage.Kind?
        var language: Language?
        var text: String?
        var labels: [PassageLabel]?
        var nearMisses: [PassageLabel]?
        var confidence: Double?
        let read = scanner.object { key, scanner in
            switch key {
            case "page": page = scanner.integer()
            case "index": index = scanner.integer()
            case "kind": kind = scanner.string().flatMap(Passage.Kind.init(rawValue:))
            case "language": language = scanner.string().flatMap(Language.init(rawValue:))
            case "text": text = scanner.string()
            case "ocrConfidence":
                guard let value = scanner.optional({ $0.double() }) else { return false }
                confidence = value
            case "labels":
                guard let value = scanner.optional({ $0.array(Self.label) }) else { return false }
                labels = value
            case "nearMisses":
                guard let value = scanner.optional({ $0.array(Self.label) }) else { return false }
                nearMisses = value
            default: return false
            }
            return true
        }
        guard read, let page, let index, let kind, let language, let text else { return nil }
        return Passage(
            page: page, index: index, kind: kind, language: language, text: text, labels: labels,
            ocrConfidence: confidence, nearMisses: nearMisses)
    }

    private static func label(_ scanner: inout JSONScanner) -> PassageLabel? {
        var id: String?
        var score: Double?
        var evidence: [PassageLabel.Evidence]?
        let read = scanner.object { key, scanner in
            switch key {
            case "id": id = scanner.string()
            case "score": score = scanner.double()
            case "evidence": evidence = EvidenceJSON.read(&scanner)
            default: return false
            }
            return true
        }
        guard read, let id, let score, let evidence else { return nil }
        return PassageLabel(id: id, score: score, evidence: evidence)
    }
}
