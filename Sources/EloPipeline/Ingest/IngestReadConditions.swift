import EloCore
import EloExtraction
import Foundation

/// What a file was read with that can make a second reading come out differently: the password tried (as a
/// digest — the index never stores a password) and the OCR mode. Stored with each version as text
/// (`password=…;ocr=…`, and `;ocr-continues=1` while OCR goes on over several runs), so that a document waiting for a password or for OCR is not read again on every run,
/// only once a password is given or changed, or OCR is turned on (a changed file is new content anyway).
struct IngestReadConditions: Sendable, Hashable {
    /// First 16 hex digits of the password's SHA-256, or nil without a password.
    var passwordDigest: String?
    var ocr: OCRSettings.Mode
    /// OCR stopped at its budget (`extraction.ocr-budget`) and continues in the next run: read again whatever else.
    var ocrContinues = false

    init(password: String?, ocr: OCRSettings.Mode) {
        passwordDigest = password.map { String(ContentDigest.sha256(of: Data($0.utf8)).prefix(16)) }
        self.ocr = ocr
    }

    /// Reads the stored text; nil when absent (an index older than the column) or not understood.
    init?(stored: String?) {
        guard let stored else { return nil }
        var fields: [String: String] = [:]
        for pair in stored.split(separator: ";") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        guard let mode = fields["ocr"].flatMap(OCRSettings.Mode.init(rawValue:)) else { return nil }
        passwordDigest = fields["password"].flatMap { $0 == "none" ? nil : $0 }
        ocr = mode
        ocrContinues = fields["ocr-continues"] == "1"
    }

    var stored: String {
        "password=\(passwordDigest ?? "none");ocr=\(ocr.rawValue)" + (ocrContinues ? ";ocr-continues=1" : "")
    }

    /// Whether content stored with `status`, read under `previous`, should be read again under these conditions.
    func warrantRereading(_ status: ExtractionStatus, readUnder previous: String?) -> Bool {
        let before = IngestReadConditions(stored: previous)
        switch status {
        case .needsPassword:
            return passwordDigest != nil && (before == nil || before?.passwordDigest != passwordDigest)
        case .needsOCR:
            return ocr != .off && (before == nil || before?.ocr == .off || before?.ocrContinues == true)
        default:
            return false
        }
    }
}
