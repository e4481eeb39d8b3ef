import CPoppler
import EloCore
import Foundation

/// Reads a PDF's text layer page by page through poppler-glib, keeping page numbers and line boxes.
struct PDFTextExtractor {
    let limits: ExtractionLimits

    func run(_ file: DocumentFile, password: String?) -> ExtractedText {
        let path = file.path
        var result = ExtractedText(path: path, sha256: file.sha256, byteCount: file.bytes.count, method: .textLayer)
        if file.bytes.isEmpty {
            result.diagnostics.append(ExtractionFinding.unreadable(reason: "the file is empty (0 bytes)").about(path))
            return result
        }
        let headerless = !file.looksLikePDF
        let noHeader = "named .pdf but not a PDF: no %PDF header"
        if headerless && !file.hasPDFObjects {
            result.diagnostics.append(ExtractionFinding.unreadable(reason: noHeader).about(path))
            return result
        }
        let document: PopplerDocumentHandle
        switch PopplerDocumentHandle.open(file.bytes, file: path, password: password) {
        case .success(let opened):
            document = opened
        case .failure(.pdfEncrypted):
            result.status = .needsPassword
            result.diagnostics.append(
                password == nil
                    ? ExtractionFinding.encrypted.about(path) : ExtractionFinding.wrongPassword.about(path))
            return result
        case .failure where headerless:
            result.diagnostics.append(ExtractionFinding.unreadable(reason: noHeader).about(path))
            return result
        case .failure(let failure):
            guard let repaired = DamageProbe.withRebuiltTrailer(file.bytes),
                case .success(let opened) = PopplerDocumentHandle.open(repaired, file: path, password: nil)
            else {
                result.diagnostics.append(
                    ExtractionFinding.unreadable(reason: describe(failure.description, file)).about(path))
                return result
            }
            document = opened
        }
        readPages(of: document, into: &result, file: file)
        if headerless, result.status.isReadable {
            // Its objects could be read, but a file that lost its first line may have lost more.
            result.diagnostics.append(ExtractionFinding.damaged(reason: "the %PDF header is missing").about(path))
            result.status = .partial
        }
        return result
    }

    private func readPages(of document: PopplerDocumentHandle, into result: inout ExtractedText, file: DocumentFile) {
        let path = file.path
        let claimed = document.pageCount
        result.pageCount = claimed
        guard claimed > 0 else {
            result.diagnostics.append(
                ExtractionFinding.unreadable(reason: "its page tree is broken: no page can be found").about(path))
            return
        }
        let pagesToRead = min(claimed, limits.maxPages)
        var failedPages = 0
        var emptyPages = 0
        var imagePages: [Int] = []
        var quality = TextLayerQuality()
        result.pages.reserveCapacity(pagesToRead)
        for index in 0..<pagesToRead {
            let number = index + 1
            // Take the text out and release the page (and poppler's per-page text structures) before the
            // lines are built: Swift strings allocated among poppler's short-lived objects fragment the heap
            // and make poppler's allocations on later pages markedly slower.
            guard let (buffers, size, hasImages, fieldLines) = read(page: index, of: document) else {
                failedPages += 1
                result.diagnostics.append(ExtractionFinding.pageFailed(page: number).about(path))
                continue
            }
            let textLines = withExtendedLifetime(buffers) { () -> [TextLine] in
                var text = buffers.text
                quality.add(text)
                guard text.count > limits.maxPageTextBytes else {
                    return PageLineBuilder.lines(text: text, rects: buffers.rects, bold: buffers.bold)
                }
                text = Self.cutAtLineEnd(text, limit: limits.maxPageTextBytes)
                result.diagnostics.append(
                    ExtractionFinding.pageTextCut(
                        page: number,
                        limit: limits.maxPageTextBytes
                    ).about(path))
                return PageLineBuilder.lines(text: text, rects: UnsafeBufferPointer(start: nil, count: 0))
            }
            let lines = FormFieldMerge.merging(fieldLines, into: textLines)
            if lines.isEmpty {
                if hasImages {
                    imagePages.append(number)
                } else {
                    emptyPages += 1
                }
            }
            result.pages.append(PageText(number: number, lines: lines, width: size.width, height: size.height))
        }
        result.status = status(
            pagesRead: pagesToRead, failedPages: failedPages, imagePages: imagePages,
            emptyPages: emptyPages, quality: quality, into: &result)
        if claimed > pagesToRead {
            result.diagnostics.append(ExtractionFinding.pageLimit(claimed: claimed, read: pagesToRead).about(path))
            if result.status == .ok { result.status = .partial }
        }
        switch DamageProbe.inspect(file.bytes) {
        case .repairableCrossReference(let reason)? where result.status == .ok:
            // Every page was read and every object the table lists is in the file: nothing was lost.
            result.diagnostics.append(ExtractionFinding.crossReferenceRepaired(reason: reason).about(path))
        case let finding? where result.status.isReadable:
            result.diagnostics.append(ExtractionFinding.damaged(reason: finding.reason).about(path))
            result.status = .partial
        default:
            break
        }
    }

    /// The page's text buffers, its size, whether it draws images (asked only when it has no text, as the check
    /// renders the page again) and the values of its form fields. The page itself is released on return.
    private func read(page index: Int, of document: PopplerDocumentHandle)
        -> (PageTextBuffers, (width: Double, height: Double), Bool, [TextLine])?
    {
        guard let page = document.page(at: index) else { return nil }
        let buffers = page.textAndLayout()
        let blank = buffers.text.allSatisfy { $0 <= 0x20 }
        return (buffers, page.size, blank && page.hasImages, page.formFieldLines())
    }

    private func status(
        pagesRead: Int, failedPages: Int, imagePages: [Int], emptyPages: Int, quality: TextLayerQuality,
        into result: inout ExtractedText
    ) -> ExtractionStatus {
        let path = result.path
        let textPages = pagesRead - failedPages - imagePages.count - emptyPages
        if failedPages == pagesRead {
            result.diagnostics.append(ExtractionFinding.unreadable(reason: "none of its pages can be read").about(path))
            return .failed
        }
        if textPages == 0 {
            result.diagnostics.append(
                ExtractionFinding.noTextLayer(
                    imagePages: imagePages.count,
                    pageCount: pagesRead - failedPages
                ).about(path))
            return .needsOCR
        }
        if quality.isGarbage {
            result.diagnostics.append(ExtractionFinding.garbledText(readableShare: quality.readableShare).about(path))
            return .needsOCR
        }
        for number in imagePages {
            result.diagnostics.append(ExtractionFinding.imageOnlyPage(page: number).about(path))
        }
        return failedPages > 0 ? .partial : .ok
    }

    /// The text up to the last line end at or before `limit` bytes (or exactly `limit` bytes, moved back to a
    /// UTF-8 scalar boundary, when there is no line end).
    static func cutAtLineEnd(_ text: UnsafeBufferPointer<UInt8>, limit: Int) -> UnsafeBufferPointer<UInt8> {
        var end = limit
        while end > 0 && text[end - 1] != 0x0A { end -= 1 }
        if end == 0 {
            end = limit
            while end > 0 && text[end] & 0xC0 == 0x80 { end -= 1 }
        }
        return UnsafeBufferPointer(rebasing: text[0..<end])
    }

    private func describe(_ popplerMessage: String, _ file: DocumentFile) -> String {
        if let finding = DamageProbe.inspect(file.bytes) { return "\(finding.reason); poppler: \(popplerMessage)" }
        return "poppler: \(popplerMessage)"
    }
}
