import EloNormalisation

/// A person's search words turned into an FTS5 expression that cannot be malformed: every word and phrase is
/// quoted, and each matches the passage text by prefix (`ohjaamo` → *Ohjaamoissa*), the Finnish base-form
/// text by base form (`ohjauspalvelu` ↔ *ohjauspalvelujen*), and Swedish words by stem. Words are ANDed
/// (`AND` may be written); `OR` between two terms makes an alternative; `"…"` makes a phrase.
public struct ReportSearchQuery: Sendable, Hashable {
    /// One word or phrase with the forms it is searched by.
    public struct Term: Sendable, Hashable {
        /// Lower-cased words as typed.
        public var words: [String]
        /// Finnish base forms (Voikko) of the words, where known.
        public var baseForms: [String]
        /// Swedish stems (Snowball) of the words.
        public var stems: [String]
        /// Whether this term is an alternative to the previous one (`a OR b`).
        public var orWithPrevious: Bool
    }

    public var terms: [Term]

    /// Parses the query; throws a message for a person when there is nothing to search or a quote is open.
    public init(_ text: String, baseForm: (String) -> String?, stem: (String) -> String?) throws(PipelineFailure) {
        var terms: [Term] = []
        var pendingOr = false
        let parts = text.split(separator: "\"", omittingEmptySubsequences: false)
        guard parts.count % 2 == 1 else {
            throw PipelineFailure(
                "the search has an opening \" without a closing one — write phrases as \"matala kynnys\"")
        }
        for (index, part) in parts.enumerated() {
            if index % 2 == 1 {  // inside quotes: one phrase
                let words = Self.words(String(part))
                guard !words.isEmpty else { continue }
                terms.append(Self.term(words, baseForm: baseForm, stem: stem, or: pendingOr && !terms.isEmpty))
                pendingOr = false
                continue
            }
            for token in part.split(whereSeparator: \.isWhitespace) {
                if token == "OR" {
                    pendingOr = true
                    continue
                }
                if token == "AND" { continue }  // words are required anyway
                for word in Self.words(String(token)) {
                    terms.append(Self.term([word], baseForm: baseForm, stem: stem, or: pendingOr && !terms.isEmpty))
                    pendingOr = false
                }
            }
        }
        guard !terms.isEmpty else {
            throw PipelineFailure(
                "nothing to search for — give one or more words, e.g. `elo search --pipeline P ohjaamo`")
        }
        self.terms = terms
    }

    /// Letters, digits and inner hyphens; everything else (FTS5 operators, brackets, `*`, `:`) separates words.
    static func words(_ text: String) -> [String] {
        text.lowercased().split { !($0.isLetter || $0.isNumber || $0 == "-") }
            .map { String($0).trimmingCharacters(in: ["-"]) }.filter { !$0.isEmpty }
    }

    private static func term(_ words: [String], baseForm: (String) -> String?, stem: (String) -> String?, or: Bool)
        -> Term
    {
        Term(
            words: words, baseForms: words.map { baseForm($0) ?? $0 }, stems: words.map { stem($0) ?? $0 },
            orWithPrevious: or)
    }

    /// The FTS5 MATCH expression over the `text` and `base_text` columns.
    public var expression: String {
        var out = ""
        for (index, term) in terms.enumerated() {
            if index > 0 { out += term.orWithPrevious ? " OR " : " AND " }
            var options = ["text : \(Self.quoted(term.words))*", "base_text : \(Self.quoted(term.baseForms))"]
            if term.stems != term.baseForms { options.append("base_text : \(Self.quoted(term.stems))*") }
            out += "(" + unique(options).joined(separator: " OR ") + ")"
        }
        return out
    }

    /// An FTS5 string: words joined by spaces (a phrase when several), `"` doubled.
    static func quoted(_ words: [String]) -> String {
        "\"" + words.joined(separator: " ").replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// Whether `word` of a passage matches one of the terms (for highlighting hits).
    public func matches(_ word: String, baseForm: String?, stem: String?) -> Bool {
        let lower = word.lowercased()
        return terms.contains { term in
            term.words.contains { lower.hasPrefix($0) } || baseForm.map(term.baseForms.contains) == true
                || stem.map { stem in term.stems.contains { stem.hasPrefix($0) } } == true
        }
    }
}

/// Order-keeping de-duplication of a few strings.
private func unique(_ items: [String]) -> [String] {
    var seen: Set<String> = []
    return items.filter { seen.insert($0).inserted }
}
