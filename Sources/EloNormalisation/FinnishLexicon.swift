import CVoikko
import Synchronization

/// Finnish morphology and spelling through libvoikko: base forms, compound parts and spell-checking.
///
/// A Voikko handle must not be shared between threads: make one per worker task.
public final class FinnishLexicon {
    /// One reading of a word, as Voikko analyses it.
    public struct Analysis: Sendable, Hashable {
        /// Dictionary form of the whole word, lower-cased (`ohjauspalvelu` for *ohjauspalvelujen*).
        public var baseForm: String
        /// Base forms of the compound parts (`["ohjaus", "palvelu"]`); a single element for a simple word.
        public var compoundParts: [String]
        /// Word class as Voikko names it (`nimisana`, `teonsana`, …), when known.
        public var wordClass: String?
    }

    private let handle: OpaquePointer

    /// Fails when no Finnish dictionary is installed (Debian package `voikko-fi`).
    public init() throws(LexiconError) {
        var error: UnsafePointer<CChar>? = nil
        guard let handle = voikkoInit(&error, "fi", nil) else {
            let reason = error.map { String(cString: $0) } ?? "unknown reason"
            throw LexiconError(
                message:
                    "cannot load the Finnish Voikko dictionary (\(reason)) — install the Debian package voikko-fi (make deps does)"
            )
        }
        self.handle = handle
        // Accept words written in any case and with digits; we only ask whether the letters form a word.
        voikkoSetBooleanOption(handle, 3, 1)  // VOIKKO_OPT_IGNORE_NUMBERS
        voikkoSetBooleanOption(handle, 4, 1)  // VOIKKO_OPT_IGNORE_UPPERCASE
        voikkoSetBooleanOption(handle, 12, 1)  // VOIKKO_OPT_ACCEPT_ALL_UPPERCASE
    }

    deinit { voikkoTerminate(handle) }

    /// Whether `word` is a correctly spelled Finnish word (compounds included). Every `FinnishLexicon` reads
    /// the same dictionary with the same options, so the answers are shared by all of them in the process
    /// (threads of `elo extract` read documents with the same vocabulary).
    public func isWord(_ word: String) -> Bool {
        if let known = Self.spellings.withLock({ $0[word] }) { return known }
        let answer = voikkoSpellCstr(handle, word) == 1
        Self.spellings.withLock { known in
            if known.count >= FinnishAnalyses.capacity { known.removeAll(keepingCapacity: true) }
            known[word] = answer
        }
        return answer
    }

    /// Voikko's spelling answers so far, for the whole process.
    private static let spellings = Mutex<[String: Bool]>([:])

    /// All readings Voikko gives for `word`; empty when the word is unknown.
    public func analyse(_ word: String) -> [Analysis] {
        guard let list = voikkoAnalyzeWordCstr(handle, word) else { return [] }
        defer { voikko_free_mor_analysis(list) }
        var analyses: [Analysis] = []
        var index = 0
        while let analysis = list[index] {
            index += 1
            guard let base = value(analysis, "BASEFORM") else { continue }
            let parts =
                value(analysis, "STRUCTURE").map {
                    Self.compoundParts(word: word, structure: $0, baseForm: base.lowercased())
                } ?? []
            analyses.append(
                Analysis(
                    baseForm: base.lowercased(),
                    compoundParts: parts.isEmpty ? [base.lowercased()] : parts,
                    wordClass: value(analysis, "CLASS")))
        }
        return analyses
    }

    private func value(_ analysis: OpaquePointer, _ key: String) -> String? {
        guard let raw = voikko_mor_analysis_value_cstr(analysis, key) else { return nil }
        defer { voikko_free_mor_analysis_value_cstr(raw) }
        return String(cString: raw)
    }

    /// Splits `word` into compound parts by Voikko's STRUCTURE string, where `=` opens a new part and
    /// every other character stands for one character of the word (`=pppppp=pppppppppp` for
    /// *ohjauspalvelujen*). Leading parts keep their surface form (they are written in base form inside a
    /// compound); the last part takes its base form from the end of the whole word's base form.
    static func compoundParts(word: String, structure: String, baseForm: String) -> [String] {
        let letters = Array(word.lowercased())
        var parts: [String] = []
        var current = ""
        var position = 0
        for marker in structure {
            if marker == "=" {
                if !current.isEmpty { parts.append(current) }
                current = ""
                continue
            }
            guard position < letters.count else { break }
            if letters[position] != "-" { current.append(letters[position]) }
            position += 1
        }
        if !current.isEmpty { parts.append(current) }
        guard parts.count > 1 else { return [baseForm] }
        let prefix = parts.dropLast().joined()
        let baseLetters = String(baseForm.filter { $0 != "-" })
        if baseLetters.hasPrefix(prefix), baseLetters.count > prefix.count {
            parts[parts.count - 1] = String(baseLetters.dropFirst(prefix.count))
        }
        return parts
    }
}

/// The morphology library could not be loaded: a set-up problem, not a document problem.
public struct LexiconError: Error, CustomStringConvertible, Sendable {
    public var message: String
    public var description: String { message }
}
