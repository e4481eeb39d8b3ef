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
/// A Hunspell handle must not be shared between threads: make one per worker.
public final class SwedishLexicon {
    private typealias Create = @convention(c) (UnsafePointer<CChar>, UnsafePointer<CChar>) -> OpaquePointer?
    private typealias Spell = @convention(c) (OpaquePointer, UnsafePointer<CChar>) -> Int32
    private typealias Destroy = @convention(c) (OpaquePointer) -> Void

    private let library: UnsafeMutableRawPointer
    private let handle: OpaquePointer
    private let spell: Spell
    private let destroy: Destroy

    /// Where the dictionary is looked for, first hit wins.
    public static let dictionaryFolders = ["/usr/share/hunspell", "/usr/share/myspell/dicts", "/usr/local/share/hunspell"]

    /// Fails when libhunspell or the Swedish dictionary is missing (`make deps` installs both).
    public init(dictionary: String = "sv_SE") throws(LexiconError) {
        guard let folder = Self.dictionaryFolders.first(where: { access("\($0)/\(dictionary).dic", R_OK) == 0 }) else {
            throw LexiconError(message: "no Swedish Hunspell dictionary \(dictionary).dic — install the Debian package hunspell-sv-se (make deps does)")
        }
        guard let library = dlopen("libhunspell-1.7.so.0", RTLD_NOW | RTLD_LOCAL) ?? dlopen("libhunspell.so", RTLD_NOW | RTLD_LOCAL),
              let create = dlsym(library, "Hunspell_create"),
              let spell = dlsym(library, "Hunspell_spell"),
              let destroy = dlsym(library, "Hunspell_destroy") else {
            throw LexiconError(message: "cannot load libhunspell — install the Debian package libhunspell-1.7-0 (make deps does)")
        }
        let createFunction = unsafeBitCast(create, to: Create.self)
        guard let handle = createFunction("\(folder)/\(dictionary).aff", "\(folder)/\(dictionary).dic") else {
            dlclose(library)
            throw LexiconError(message: "Hunspell could not read \(folder)/\(dictionary).dic")
        }
        self.library = library
        self.handle = handle
        self.spell = unsafeBitCast(spell, to: Spell.self)
        self.destroy = unsafeBitCast(destroy, to: Destroy.self)
    }

    deinit {
        destroy(handle)
        dlclose(library)
    }

    /// Whether `word` is a correctly spelled Swedish word (inflections and compounds included).
    public func isWord(_ word: String) -> Bool {
        spell(handle, word) != 0
    }
}
