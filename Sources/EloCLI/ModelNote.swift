import EloClassification
import Foundation

/// The note a command prints (on standard error) when the pipeline's model was trained with other label
/// definitions than the label files hold now.
enum ModelNote {
    static func printIfStale(_ configuration: PipelineConfiguration, pipeline: String) {
        guard let learned = configuration.learned, learned.isStale else { return }
        let note =
            "elo: note: the model was trained with other label files than \(configuration.file) names now — "
            + "new cues take effect through the rules; run `elo train --pipeline \(pipeline)` to refit the model\n"
        FileHandle.standardError.write(Data(note.utf8))
    }
}
