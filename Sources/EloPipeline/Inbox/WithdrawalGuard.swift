import EloIndex
import Foundation

/// Stops a run before it changes anything when it would withdraw more than `withdraw_limit` of a region's,
/// or of the whole index's, current documents: files vanishing by the dozen mean a half-copied or wrongly
/// mounted inbox far more often than regions withdrawing their plans. `--allow-withdraw` confirms.
///
/// A document leaves when no file of it is left in the inbox, unless a file new to the index has the
/// content of one of its versions (it was moved or renamed, e.g. a region folder renamed). One document
/// leaving is never held back (a region's only plan replaced by a file of another name is routine).
struct WithdrawalGuard {
    /// The share of current documents that may leave in one run (0–1).
    var limit: Double
    var pipelineFile: String
    var inbox: URL
    /// Threads for hashing new files (only when the limit would be exceeded).
    var threads: Int

    /// Fewer documents than this leaving never stop a run.
    static let minimumLeaving = 2

    /// A region (or, with `region` nil, the whole index) that would lose too many documents.
    struct Loss: Equatable {
        var region: String?
        var current: Int
        var leaving: Int
    }

    /// Throws (exit status 1) when the run would withdraw too much.
    func check(_ documents: [CurrentDocument], inboxFiles: [InboxFile]) throws(PipelineFailure) {
        let present = Set(inboxFiles.map(\.relativePath))
        var leaving = documents.filter { !$0.paths.contains(where: present.contains) }
        guard !losses(documents, leaving: leaving).isEmpty else { return }
        // Before stopping, rule out moves: files at paths the index does not know, with a leaving document's content.
        let known = Set(documents.flatMap(\.paths))
        let newFiles = inboxFiles.filter { !known.contains($0.relativePath) }
        let newContents = Set(IngestSteps.hash(newFiles.map(\.url), threads: threads).compactMap { try? $0.get() })
        leaving.removeAll { !$0.contents.isDisjoint(with: newContents) }
        let losses = losses(documents, leaving: leaving)
        guard !losses.isEmpty else { return }
        throw PipelineFailure(message(losses))
    }

    /// The regions, and the whole index, where more than `limit` of the current documents would leave.
    func losses(_ documents: [CurrentDocument], leaving: [CurrentDocument]) -> [Loss] {
        let current = Dictionary(grouping: documents, by: \.region).mapValues(\.count)
        let gone = Dictionary(grouping: leaving, by: \.region).mapValues(\.count)
        var losses = gone.keys.sorted().map { Loss(region: $0, current: current[$0] ?? 0, leaving: gone[$0] ?? 0) }
        losses.append(Loss(region: nil, current: documents.count, leaving: leaving.count))
        return losses.filter(exceedsLimit)
    }

    private func exceedsLimit(_ loss: Loss) -> Bool {
        loss.leaving >= Self.minimumLeaving && Double(loss.leaving) > limit * Double(loss.current)
    }

    private func message(_ losses: [Loss]) -> String {
        let parts = losses.map { loss in
            let whose = loss.region.map { "of region \($0)" } ?? "of the whole index"
            return
                "\(loss.leaving) of \(loss.current) current documents \(whose) (\(Self.percent(Double(loss.leaving) / Double(loss.current))))"
        }
        return
            "stopped before changing anything: the files of \(parts.joined(separator: ", and ")) are gone from the inbox "
            + "\(inbox.path), more than `withdraw_limit` (\(Self.percent(limit))) lets one run withdraw — check that the inbox "
            + "is complete (mounted, fully copied, region folders not renamed) and run again; if the documents were removed "
            + "on purpose, run again with --allow-withdraw (or raise `withdraw_limit` in \(pipelineFile))"
    }

    static func percent(_ share: Double) -> String { "\(Int((share * 100).rounded()))%" }
}
