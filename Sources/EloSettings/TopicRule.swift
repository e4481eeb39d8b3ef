/// The pipeline's `topic:` — words that show a document is about guidance at all. A document that uses fewer
/// of them than `minimumPerThousandWords` (a grant's terms, a budget annex sent along with a plan) gets no
/// labels: a cue word such as "saatavilla" or "yhteistyökumppani" there is not about a guidance goal, and a
/// region must not be counted as covering a goal because of it.
///
/// ```yaml
/// topic:
///   min_per_1000_words: 2
///   fi: [ohjaus, neuvonta]
///   sv: [vägledning]
/// ```
/// Terms are matched like cues (base forms and compound parts: `ohjaus` finds "ohjauspalveluiden").
public struct TopicRule: Sendable, Hashable {
    /// The id of the warning a document off the topic gets.
    public static let diagnosticID = "classification.off-topic"

    public var cues: [Cue]
    /// Topic words per 1,000 words of the document below which it is not labelled.
    public var minimumPerThousandWords: Double

    /// How much of a document is about the topic: `topicWords` of its `words` matched a topic term.
    public struct Count: Sendable, Hashable {
        public var topicWords: Int
        public var words: Int

        public var perThousandWords: Double { words == 0 ? 0 : Double(topicWords) * 1000 / Double(words) }
    }

    /// Whether a document with `count` is off the topic (and so not labelled).
    public func isOffTopic(_ count: Count) -> Bool { count.perThousandWords < minimumPerThousandWords }
}

extension TopicRule.Count {
    /// Nothing counted yet: the classifier adds a document's words to it passage by passage.
    public init() { self.init(topicWords: 0, words: 0) }
}
