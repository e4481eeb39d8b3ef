import EloCore
import EloReports
import EloSettings
import Foundation

/// The labels a pipeline assesses, in the order of its `label_sets` and of each set file: only the ids,
/// sets and names reports need. A label no passage carries is still listed, so a goal no region addresses
/// shows up as a gap everywhere. The label-set files are read by `LabelSetLoader`, the one reader of them.
public enum CoverageLabelCatalog {
    public static func load(pipeline url: URL) throws(PipelineFailure) -> [CoverageLabel] {
        let file: PipelineFile
        do { file = try PipelineFile.read(url) } catch { throw PipelineFailure(error.description) }
        return try load(file)
    }

    /// The labels of the label-set files a pipeline file already read names.
    public static func load(_ pipeline: PipelineFile) throws(PipelineFailure) -> [CoverageLabel] {
        guard let paths = pipeline.labelSets, !paths.isEmpty else {
            throw PipelineFailure(
                "\(pipeline.file): no `label_sets:` — list the label-set files, e.g. `- labels/okm2011.yaml`")
        }
        var sets: [LabelSet] = []
        for path in paths {
            let url = pipeline.resolve(path.value)
            do { sets.append(try LabelSetLoader().load(url, displayPath: url.path)) } catch {
                throw PipelineFailure(error.description)
            }
        }
        return catalog(of: sets, pipeline: pipeline)
    }

    /// The labels of label sets already read (an ingest has them from its configuration: the files are not
    /// read twice), in the order given.
    public static func catalog(of sets: [LabelSet], pipeline: PipelineFile) -> [CoverageLabel] {
        var labels: [CoverageLabel] = []
        var conditions: [(id: String, condition: LabelCondition)] = []
        for set in sets {
            labels += coverageLabels(of: set, pipeline: pipeline)
            conditions += set.labels.compactMap { label in label.givenWith.map { (label.id, $0) } }
        }
        let pipelineLabels = Set(labels.map(\.id))
        for (id, condition) in conditions where condition.applies(among: pipelineLabels) {
            guard let index = labels.firstIndex(where: { $0.id == id }) else { continue }
            labels[index].givenWith = condition.all
        }
        return labels
    }

    /// What the reports need of one set's labels: ids, names and the threshold that decides them.
    static func coverageLabels(of set: LabelSet, pipeline: PipelineFile) -> [CoverageLabel] {
        set.labels.map { label in
            CoverageLabel(
                id: label.id, set: set.id, nameFi: label.nameFi, nameSv: label.nameSv,
                threshold: label.threshold ?? pipeline.threshold ?? 0.5, modelled: pipeline.model != nil)
        }
    }
}
