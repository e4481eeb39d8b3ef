import EloPipeline
import EloTestSupport
import Foundation
import Synchronization
import Testing

/// A nightly run with nothing to re-classify builds no classifier: the label-set fingerprint the run carries is
/// compared with the index's first (building one loads Voikko, the cue matchers and the model — most of an
/// unchanged night's time).
@Suite(
    "re-classification check", .serialized,
    .enabled(if: IngestFixture.executable != nil, "elo binary not built (swift build --build-tests)"))
struct ReclassifyCheckTests {
    final class Count: Sendable {
        private let value = Mutex(0)
        func add() { value.withLock { $0 += 1 } }
        var current: Int { value.withLock { $0 } }
    }

    @Test func anUnchangedRunBuildsNoClassifier() throws {
        let fixture = try IngestFixture()
        try fixture.put("Ohjauksen saatavuus paranee koko maakunnassa.", at: "lappi/suunnitelma.txt")
        let configuration = IngestLabellerTests.configuration(topic: nil)
        let built = Count()
        var run = IngestRun(
            settings: try IngestSettings.load(fixture.pipeline), workerExecutable: IngestFixture.executable!,
            classifier: { analyses in
                built.add()
                return try IngestLabeller(configuration: configuration, analyses: analyses)
            })
        run.labelSetVersion = IngestLabeller.fingerprint(configuration)
        _ = try run.run()
        let first = built.current
        #expect(first > 0, "the new document was labelled")
        _ = try run.run()
        #expect(built.current == first, "nothing new and the labels unchanged: no classifier is built")
        run.labelSetVersion = nil
        _ = try run.run()
        #expect(built.current == first + 1, "without the fingerprint, a classifier is built to learn it")
    }
}
