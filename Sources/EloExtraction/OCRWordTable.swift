import EloCore

/// Tesseract's TSV output for one page, grouped into lines with boxes (in PDF points) and confidences.
///
/// Rows are `level page_num block_num par_num line_num word_num left top width height conf text`; level 5
/// rows are words, with a confidence of 0–100 (−1 on structural rows). Words below `noiseConfidence` are
/// recogniser noise (dot leaders read as `aanaa`, specks, rules): they count towards the page's mean
/// confidence but are left out of the text.
struct OCRWordTable {
    static let noiseConfidence = 0.25

    struct Line {
        var text: String
        var box: Box
        /// Mean word confidence, 0…1.
        var confidence: Double
    }

    private(set) var lines: [Line] = []
    private(set) var wordCount = 0
    private(set) var confidenceSum = 0.0

    /// Mean word confidence over the page (0…1), nil when no word was found.
    var meanConfidence: Double? { wordCount == 0 ? nil : confidenceSum / Double(wordCount) }

    /// Parses `tsv`; `pointsPerPixel` converts pixel boxes to PDF points (72 / dpi).
    init(tsv: String, pointsPerPixel: Double) {
        var key: [Substring] = []
        var words: [Substring] = []
        var confidences: [Double] = []
        var left = Double.infinity
        var top = Double.infinity
        var right = 0.0
        var bottom = 0.0
        func flush() {
            guard !words.isEmpty else { return }
            let mean = confidences.reduce(0, +) / Double(confidences.count)
            lines.append(
                Line(
                    text: words.joined(separator: " "),
                    box: Box(
                        x: left * pointsPerPixel, y: top * pointsPerPixel,
                        width: (right - left) * pointsPerPixel, height: (bottom - top) * pointsPerPixel),
                    confidence: mean))
            words.removeAll()
            confidences.removeAll()
            left = .infinity
            top = .infinity
            right = 0
            bottom = 0
        }
        for row in tsv.split(separator: "\n", omittingEmptySubsequences: true) {
            let fields = row.split(separator: "\t", maxSplits: 11, omittingEmptySubsequences: false)
            guard fields.count == 12, fields[0] == "5",
                let x = Double(fields[6]), let y = Double(fields[7]), let w = Double(fields[8]),
                let h = Double(fields[9]), let conf = Double(fields[10])
            else { continue }
            let text = fields[11].trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty, conf >= 0 else { continue }
            let lineKey = Array(fields[1...4])
            if lineKey != key {
                flush()
                key = lineKey
            }
            let confidence = min(conf, 100) / 100
            wordCount += 1
            confidenceSum += confidence
            guard confidence >= Self.noiseConfidence else { continue }
            words.append(Substring(text))
            confidences.append(confidence)
            left = min(left, x)
            top = min(top, y)
            right = max(right, x + w)
            bottom = max(bottom, y + h)
        }
        flush()
    }
}
