/// Label evidence as JSON — the `evidence` column of the index's `labels` and `near_misses`, and inside the
/// worker's answers: a JSON array of objects
/// `{"cue": "laatu", "text": "laadun", "start": 10, "end": 16}` (character offsets into the passage text).
///
/// A night's ingest writes tens of thousands of these and the reports read them back, so both directions
/// go through ``JSONWriter`` and ``JSONScanner``, not `JSONEncoder`/`JSONDecoder`. Writing always gives
/// standard JSON. Reading accepts exactly that shape (keys in any order, any JSON whitespace, string escapes
/// including `\u` surrogate pairs) and returns nil for anything else, so that a caller can fall back to
/// Foundation's decoder.
public enum EvidenceJSON {
    public static func encode(_ evidence: [PassageLabel.Evidence]) -> String {
        var writer = JSONWriter(capacity: 64 * evidence.count + 2)
        write(evidence, to: &writer)
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    public static func write(_ evidence: [PassageLabel.Evidence], to writer: inout JSONWriter) {
        writer.beginArray()
        for item in evidence {
            writer.beginObject()
            writer.field("cue", item.cue)
            writer.field("text", item.text)
            writer.field("start", item.start)
            writer.field("end", item.end)
            writer.endObject()
        }
        writer.endArray()
    }

    /// The evidence in `json`, or nil when it is not exactly the shape `encode` writes (up to key order and
    /// whitespace).
    public static func decode(_ json: String) -> [PassageLabel.Evidence]? {
        var json = json
        return json.withUTF8 { bytes in
            var scanner = JSONScanner(bytes)
            guard let evidence = read(&scanner), scanner.finished() else { return nil }
            return evidence
        }
    }

    public static func read(_ scanner: inout JSONScanner) -> [PassageLabel.Evidence]? {
        guard scanner.take(0x5B) else { return nil }
        var items: [PassageLabel.Evidence] = []
        if scanner.take(0x5D) { return items }
        repeat {
            guard scanner.take(0x7B) else { return nil }
            var cue: String?
            var text: String?
            var start: Int?
            var end: Int?
            repeat {
                guard let key = scanner.string(), scanner.take(0x3A) else { return nil }
                switch key {
                case "cue": cue = scanner.string()
                case "text": text = scanner.string()
                case "start": start = scanner.integer()
                case "end": end = scanner.integer()
                default: return nil
                }
            } while scanner.take(0x2C)
            guard scanner.take(0x7D), let cue, let text, let start, let end else { return nil }
            items.append(PassageLabel.Evidence(cue: cue, text: text, start: start, end: end))
        } while scanner.take(0x2C)
        return scanner.take(0x5D) ? items : nil
    }
}
