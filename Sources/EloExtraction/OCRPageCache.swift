import EloCore
import Foundation

/// Pages recognised by OCR, kept between runs in the output folder: `ocr-pages/<sha256>/<languages>-<dpi>dpi/`,
/// one JSON file per page (`page-0007.json`).
///
/// A folder of small files rather than a table in the index: the pages are written by the worker processes,
/// several at once, while the ingest process is the index's one writer; a file written to a temporary name and
/// renamed into place needs no lock and is whole or absent, so a kill loses at most the page in progress; and
/// the index's health checks and backups never carry this cache. Deleting the folder is always safe: pages are
/// then recognised again. The key is the content (not the file name), the page, and the settings that change
/// what the recogniser sees (languages, resolution).
public struct OCRPageCache: Sendable {
    /// The cache's folder inside the output folder.
    public static let folderName = "ocr-pages"

    /// What is kept for one page: its text, or that it could not be recognised (then it is not tried again).
    enum Entry: Codable, Equatable {
        case recognised(OCRRecognisedPage)
        case givenUp(reason: String, timedOut: Bool)
    }

    let folder: URL

    init(root: URL, sha256: String, settings: OCRSettings) {
        let languages = settings.languages.filter { $0.isLetter || $0.isNumber || $0 == "+" || $0 == "_" }
        folder = root.appendingPathComponent(sha256, isDirectory: true)
            .appendingPathComponent("\(languages)-\(Int(settings.dpi.rounded()))dpi", isDirectory: true)
    }

    private func file(_ page: Int) -> URL {
        folder.appendingPathComponent(String(format: "page-%04d.json", page))
    }

    func load(_ page: Int) -> Entry? {
        guard let data = FileManager.default.contents(atPath: file(page).path) else { return nil }
        return try? JSONDecoder().decode(Entry.self, from: data)
    }

    /// Writes the page under a temporary name and renames it into place; a failure only means no cache.
    func store(_ page: Int, _ entry: Entry) {
        guard let data = try? JSONEncoder().encode(entry) else { return }
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".page-\(page)-\(getpid()).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: data) else { return }
        if rename(temporary.path, file(page).path) != 0 { try? FileManager.default.removeItem(at: temporary) }
    }

    /// Removes the cached pages of every content `finished` says no longer needs them; returns how many.
    public static func removeFinished(in root: URL, finished: (String) -> Bool) -> Int {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        var removed = 0
        for sha256 in contents where finished(sha256) {
            if (try? FileManager.default.removeItem(at: root.appendingPathComponent(sha256))) != nil { removed += 1 }
        }
        return removed
    }
}

/// One page's recognised text, with the word counts the document's mean confidence is summed from.
public struct OCRRecognisedPage: Sendable, Codable, Equatable {
    public var page: PageText
    public var words: Int
    public var confidenceSum: Double
}
