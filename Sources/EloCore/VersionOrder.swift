/// Which of two versions of one document is the newer, from what the documents themselves say — never from
/// file modification times, which a `git clone` or a copy without `-p` resets.
///
/// Precedence, first difference wins: the sidecar's `round` (compared as numbers where they are numbers; a
/// version without one comes first); the version marker in the file name (`v2`, `_2`, `versio 2`, `(1)`,
/// `päivitetty` / `uppdaterad`, a date such as `2015-03`); the date the document states on its first page;
/// then the order the index first saw them; the path last. The facts are stored with each version, so the
/// order, once stored, does not flip on a rerun or a fresh clone.
public enum VersionOrder {
    /// What a version says about its place among its document's versions.
    public struct Facts: Sendable, Hashable {
        /// The sidecar's `round` (or `year`).
        public var round: String?
        /// The file name's version number: 0 without a marker, 1 for a word (`päivitetty`, `final`), else the number.
        public var nameMarker: Int
        /// A date in the file name, `yyyy-mm` or `yyyy-mm-dd`.
        public var nameDate: String?
        /// The first date the document's first page states, `yyyy-mm-dd` (or `yyyy-mm`).
        public var statedDate: String?

        public init(round: String? = nil, nameMarker: Int = 0, nameDate: String? = nil, statedDate: String? = nil) {
            self.round = round
            self.nameMarker = nameMarker
            self.nameDate = nameDate
            self.statedDate = statedDate
        }

        /// The facts of a file at `path` (its name is read), with the sidecar's `round` and the texts of the
        /// document's first page (empty before it is read).
        public init(path: String, round: String?, firstPage: [String] = []) {
            let name = FileNameMarker(path: path)
            self.init(
                round: round, nameMarker: name.number, nameDate: name.date,
                statedDate: firstPage.lazy.compactMap(StatedDate.first(in:)).first)
        }
    }

    /// One version to be ordered: its facts, when the index first saw it (its row id; nil before it is
    /// stored) and its inbox path.
    public struct Entry: Sendable, Hashable {
        public var facts: Facts
        public var firstSeen: Int64?
        public var path: String

        public init(facts: Facts, firstSeen: Int64?, path: String) {
            self.facts = facts
            self.firstSeen = firstSeen
            self.path = path
        }
    }

    /// What decided the order of two versions.
    public enum Criterion: String, Sendable, Hashable, CaseIterable {
        case round
        case nameMarker = "name-marker"
        case nameDate = "name-date"
        case statedDate = "stated-date"
        case firstSeen = "first-seen"
        case path
    }

    /// Whether `a` comes before (is older than) `b`, and the criterion that decided it; nil criterion only
    /// for the same entry.
    public static func compare(_ a: Entry, _ b: Entry) -> (older: Bool, by: Criterion?) {
        if let byRound = compareRounds(a.facts.round, b.facts.round) { return (byRound, .round) }
        if a.facts.nameMarker != b.facts.nameMarker { return (a.facts.nameMarker < b.facts.nameMarker, .nameMarker) }
        if a.facts.nameDate != b.facts.nameDate {
            return ((a.facts.nameDate ?? "") < (b.facts.nameDate ?? ""), .nameDate)
        }
        if let dateA = a.facts.statedDate, let dateB = b.facts.statedDate, dateA != dateB {
            return (dateA < dateB, .statedDate)
        }
        if let seenA = a.firstSeen, let seenB = b.firstSeen, seenA != seenB { return (seenA < seenB, .firstSeen) }
        if a.path != b.path { return (a.path < b.path, .path) }
        return (false, nil)
    }

    /// `entries` oldest first, each with the reason of its place after the one before it (the first: `oldest`).
    public static func sorted(_ entries: [Entry]) -> [(entry: Entry, reason: String)] {
        let ordered = entries.sorted { compare($0, $1).older }
        return ordered.enumerated().map { offset, entry in
            guard offset > 0 else { return (entry, ordered.count == 1 ? "only version" : "oldest") }
            return (entry, reason(entry, after: ordered[offset - 1], position: offset))
        }
    }

    /// Why `entry` comes after `previous` (version `position`, 1-based, is the one before).
    static func reason(_ entry: Entry, after previous: Entry, position: Int) -> String {
        let before = "v\(position)"
        switch compare(previous, entry).by {
        case .round:
            return "after \(before): sidecar round \(entry.facts.round ?? "-") > \(previous.facts.round ?? "none")"
        case .nameMarker: return "after \(before): version marker \(entry.facts.nameMarker) in the file name"
        case .nameDate: return "after \(before): date \(entry.facts.nameDate ?? "-") in the file name"
        case .statedDate:
            return
                "after \(before): first page dated \(entry.facts.statedDate ?? "-") > \(previous.facts.statedDate ?? "-")"
        case .firstSeen: return "after \(before): seen later (no round, name marker or date tells them apart)"
        case .path, nil: return "after \(before): by path (nothing else tells them apart)"
        }
    }

    /// Rounds compared as numbers where they are numbers; a missing round is older. nil when equal.
    static func compareRounds(_ a: String?, _ b: String?) -> Bool? {
        switch (a, b) {
        case (nil, nil): return nil
        case (nil, _): return true
        case (_, nil): return false
        case (let a?, let b?):
            if let numberA = Int(a), let numberB = Int(b) { return numberA == numberB ? nil : numberA < numberB }
            return a == b ? nil : a.lowercased() < b.lowercased()
        }
    }
}
