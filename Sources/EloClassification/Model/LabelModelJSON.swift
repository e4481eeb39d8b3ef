import EloCore
import Foundation

/// Reads a model file (`LabelModel.write`) straight from its bytes with ``JSONScanner``: a pipeline's model holds
/// tens of thousands of weights, and Foundation's decoder took a quarter of a nightly run that had nothing new to
/// read. Accepts exactly the shape `write` gives (keys in any order, any whitespace) and returns nil for anything
/// else, so that `LabelModel.decode` falls back to Foundation's decoder and its error messages.
enum LabelModelJSON {
    static func decode(_ data: Data) -> LabelModel? {
        data.withUnsafeBytes { raw in
            var scanner = JSONScanner(raw.bindMemory(to: UInt8.self))
            guard let model = model(&scanner), scanner.finished() else { return nil }
            return model
        }
    }

    private static func model(_ scanner: inout JSONScanner) -> LabelModel? {
        var format: Int?
        var pipeline: String?
        var labelDefinitions: String?
        var sources: [LabelModel.Source]?
        var numbers: [String: Double] = [:]
        var setThresholds: [String: LabelModel.Thresholds] = [:]
        var labels: [LabelModel.Label]?
        let read = scanner.object { key, scanner in
            switch key {
            case "format": format = scanner.integer()
            case "pipeline": pipeline = scanner.string()
            case "labelDefinitions": labelDefinitions = scanner.string()
            case "sources": sources = scanner.array(source)
            case "regularisation", "threshold", "keepRuleLabels": numbers[key] = scanner.double()
            case "setThresholds":
                return scanner.object { set, scanner in
                    guard let thresholds = thresholds(&scanner) else { return false }
                    setThresholds[set] = thresholds
                    return true
                }
            case "labels": labels = scanner.array(label)
            default: return false
            }
            return true
        }
        guard read, let format, let pipeline, let labelDefinitions, let sources, let labels,
            let regularisation = numbers["regularisation"], let threshold = numbers["threshold"],
            let keepRuleLabels = numbers["keepRuleLabels"]
        else { return nil }
        var model = LabelModel(
            pipeline: pipeline, labelDefinitions: labelDefinitions, sources: sources, regularisation: regularisation,
            threshold: threshold, keepRuleLabels: keepRuleLabels, labels: labels)
        model.format = format
        model.setThresholds = setThresholds
        return model
    }

    private static func source(_ scanner: inout JSONScanner) -> LabelModel.Source? {
        pair(&scanner, ("labels", "passages"), { $0.string() }, { $0.integer() }).map(LabelModel.Source.init)
    }

    private static func thresholds(_ scanner: inout JSONScanner) -> LabelModel.Thresholds? {
        pair(&scanner, ("threshold", "keepRuleLabels"), { $0.double() }, { $0.double() })
            .map(LabelModel.Thresholds.init)
    }

    /// An object of exactly two members, `keys.0` and `keys.1`, in either order.
    private static func pair<First, Second>(
        _ scanner: inout JSONScanner, _ keys: (String, String), _ first: (inout JSONScanner) -> First?,
        _ second: (inout JSONScanner) -> Second?
    ) -> (First, Second)? {
        var one: First?
        var two: Second?
        let read = scanner.object { key, scanner in
            switch key {
            case keys.0: one = first(&scanner)
            case keys.1: two = second(&scanner)
            default: return false
            }
            return true
        }
        guard read, let one, let two else { return nil }
        return (one, two)
    }

    private static func label(_ scanner: inout JSONScanner) -> LabelModel.Label? {
        var id: String?
        var positives: Int?
        var examples: Int?
        var bias: Double?
        var weights: [String: Double]?
        let read = scanner.object { key, scanner in
            switch key {
            case "id": id = scanner.string()
            case "positives": positives = scanner.integer()
            case "examples": examples = scanner.integer()
            case "bias": bias = scanner.double()
            case "weights": weights = Self.weights(&scanner)
            default: return false
            }
            return true
        }
        guard read, let id, let positives, let examples, let bias, let weights else { return nil }
        return LabelModel.Label(id: id, positives: positives, examples: examples, bias: bias, weights: weights)
    }

    private static func weights(_ scanner: inout JSONScanner) -> [String: Double]? {
        var weights: [String: Double] = [:]
        let read = scanner.object { feature, scanner in
            guard let weight = scanner.double() else { return false }
            weights[feature] = weight
            return true
        }
        return read ? weights : nil
    }
}
