import EloClassification
import EloCore
import Foundation
import Yams

/// The labels a pipeline assesses, in the order of its `label_sets` and of each set file: only the ids,
/// sets and names reports need (the classifier reads the cues). A label no passage carries is still listed,
/// so a goal no region addresses shows up as a gap everywhere.
public enum CoverageLabelCatalog {
    public static func load(pipeline url: URL) throws(ReportFailure) -> [CoverageLabel] {
        let file: PipelineFile
        do { file = try PipelineFile.read(url) } catch { throw ReportFailure(error.description) }
        return try load(file)
    }

    /// The labels of the label-set files a pipeline file already read names (only ids, sets and names).
    public static func load(_ pipeline: PipelineFile) throws(ReportFailure) -> [CoverageLabel] {
        guard let sets = pipeline.labelSets, !sets.isEmpty else {
            throw ReportFailure("\(pipeline.file): no `label_sets:` — list the label-set files, e.g. `- labels/okm2011.yaml`")
        }
        var labels: [CoverageLabel] = []
        for path in sets {
            let file = URL(fileURLWithPath: path.value, relativeTo: pipeline.folder).standardizedFileURL
            let set = try node(file)
            guard let mapping = set.mapping, let setID = mapping["set"]?.string, let entries = mapping["labels"]?.sequence else {
                throw ReportFailure("\(file.path): expected `set:` and `labels:`")
            }
            for entry in entries {
                guard let id = entry.mapping?["id"]?.string else {
                    throw ReportFailure("\(file.path):\(entry.mark?.line ?? 0): a label without `id`")
                }
                let threshold = entry.mapping?["threshold"]?.float ?? pipeline.threshold ?? 0.5
                let finnish = entry.mapping?["name_fi"]?.string
                let swedish = entry.mapping?["name_sv"]?.string
                labels.append(CoverageLabel(id: id, set: setID, title: finnish ?? swedish ?? id, titleSwedish: swedish,
                                            threshold: threshold, modelled: pipeline.model == nil ? nil : true))
            }
        }
        return labels
    }

    private static func node(_ url: URL) throws(ReportFailure) -> Node {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw ReportFailure("cannot read \(url.path): \(error.localizedDescription)")
        }
        do {
            guard let node = try Yams.compose(yaml: text) else { throw ReportFailure("\(url.path): the file is empty") }
            return node
        } catch let failure as ReportFailure {
            throw failure
        } catch {
            throw ReportFailure("\(url.path): not valid YAML: \(error)")
        }
    }
}
