import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Swedish spell-checking with the Hunspell dictionary of the Debian package `hunspell-sv-se`
/// (`/usr/share/hunspell/sv_SE.aff` + `.dic`), through libhunspell (Debian `libhunspell-1.7-0`), which is
/// loaded at run time so that no development headers are needed to build elo.
///
/// Used where Voikko cannot help: deciding whether a Swedish line-break hyphen joins (`vägled-⏎ningen`).
/// Reading the dictionary takes a few tenths of a second, so it happens on the first `isWord` and at most
/// once per process: every `SwedishLexicon` of the process shares one Hunspell handle, behind a lock
/// (Hunspell is not thread-safe), and the handle lives until the process exits.
public final class SwedishLexicon: Sendable {
    private let dictionary: HunspellDictionary

    /// Where the dictionary is looked for, first hit wins.
    public static let dictionaryFolders = [
        "/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/local/share/hunspell",
    ]

    /// Fails when libhunspell or the Swedish dictionary is missing (`make deps` installs both).
    public init(dictionary name: String = "sv_SE") throws(LexiconError) {
        guard let folder = Self.dictionaryFolders.first(where: { access("\($0)/\(name).dic", R_OK) == 0 }) else {
            throw LexiconError(
                message:
                    "no Swedish Hunspell dictionary \(name).dic — install the Debian package hunspell-sv-se (make deps does)"
            )
        }
        dictionary = try HunspellDictionary.shared(affix: "\(folder)/\(name).aff", words: "\(folder)/\(name).dic")
    }

    /// Whether `word` is a correctly spelled Swedish word (inflections and compounds included); false
    /// for every word if Hunspell could not read the dictionary.
    public func isWord(_ word: String) -> Bool { dictionary.isWord(word) }
}

/// One Hunspell dictionary for the whole process, read on first use.
final class HunspellDictionary: Sendable {
    private typealias Create = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>) -> OpaquePointer?
    private typealias Spell = @convention(c) (OpaquePointer, UnsafePointer<CChar>) -> Int32

    private struct Functions: @unchecked Sendable {
        var create: Create
        var spell: Spell
    }

    /// The loaded handle; `.failed` once reading the dictionary failed.
    private enum State: @unchecked Sendable {
        case unread
        case ready(OpaquePointer)
        case failed
    }

    private let functions: Functions
    private let affixPath: String
    private let wordsPath: String
    private let state = Mutex(State.unread)

    private static let loaded = Mutex<[String: HunspellDictionary]>([:])

    /// The process's dictionary for these files (libhunspell is opened once and never closed).
    static func shared(affix: String, words: String) throws(LexiconError) -> HunspellDictionary {
        let existing = loaded.withLock { $0[words] }
        if let existing { return existing }
        guard
            let library = dlopen("libhunspell-1.7.so.0", RTLD_NOW | RTLD_LOCAL)
                ?? dlopen("libhunspell.so", RTLD_NOW | RTLD_LOCAL),
            let create = dlsym(library, "Hunspell_create"),
            let spell = dlsym(library, "Hunspell_spell")
        else {
            throw LexiconError(
                message: "cannot load libhunspell — install the Debian package libhunspell-1.7-0 (make deps does)")
        }
        let dictionary = HunspellDictionary(
            functions: Functions(
                create: unsafeBitCast(create, to: Create.self), spell: unsafeBitCast(spell, to: Spell.self)),
            affixPath: affix, wordsPath: words)
        return loaded.withLock { known in
            if let existing = known[words] { return existing }
            known[words] = dictionary
            return dictionary
        }
    }

    private init(functions: Functions, affixPath: String, wordsPath: String) {
        self.functions = functions
        self.affixPath = affixPath
        self.wordsPath = wordsPath
    }

    /// Hunspell's answers so far, for every thread of the process (emptied at ``FinnishAnalyses/capacity`` words).
    private let answers = Mutex<[String: Bool]>([:])

    func isWord(_ word: String) -> Bool {
        if let known = answers.withLock({ $0[word] }) { return known }
        let answer = state.withLock { state in
            if case .unread = state {
                state = functions.create(affixPath, wordsPath).map(State.ready) ?? .failed
            }
            guard case .ready(let handle) = state else { return false }
            return functions.spell(handle, word) != 0
        }
        answers.withLock { known in
            if known.count >= FinnishAnalyses.capacity { known.removeAll(keepingCapacity: true) }
            known[word] = answer
        }
        return answer
    }
}
