import Foundation

extension PipelineConfiguration {
    /// Everything that decides the cue rules' labels, as text: thresholds, the topic rule, every label-set file
    /// and the hand lexicon. Editing a cue changes it.
    public var labelDefinitions: String {
        var material = "threshold=\(threshold)\nnear_miss=\(nearMissScore)\n"
        if let topic {
            material +=
                "topic=\(topic.minimumPerThousandWords):"
                + topic.cues.map { "\($0.language.rawValue)/\($0.term)" }.joined(separator: ",") + "\n"
        }
        for set in labelSets {
            material += "set=\(set.id)\n"
            material += (try? String(contentsOf: URL(fileURLWithPath: set.file), encoding: .utf8)) ?? set.file
        }
        for key in lexicon.finnish.keys.sorted() { material += "fi:\(key)=\(lexicon.finnish[key] ?? "")\n" }
        for key in lexicon.swedish.keys.sorted() { material += "sv:\(key)=\(lexicon.swedish[key] ?? "")\n" }
        return material
    }

    /// A short fingerprint of `labelDefinitions` (64-bit FNV-1a, hex): what a model records it was trained with,
    /// so that `elo train` and the commands can tell a model older than the label files.
    public var labelDefinitionsVersion: String { Self.fingerprint(Data(labelDefinitions.utf8)) }

    /// 64-bit FNV-1a of `bytes`, in hex.
    static func fingerprint(_ bytes: Data) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return String(hash, radix: 16)
    }
}
