import EloCore
import Foundation
import Testing

@testable import EloClassification

/// Prints classification throughput with and without the analysis cache on the same passages (no
/// timing assertion; the ratio is what matters). Run in release for real figures.
@Suite struct ThroughputTests {
    @Test(.enabled(if: Repository.hasCorpus, "corpus absent: throughput not measured"))
    func cacheSpeedsUpClassificationWithoutChangingLabels() throws {
        let configuration = try PipelineConfiguration.load(Repository.pipelines.appendingPathComponent("elo-2014.yaml"))
        let documents = DevCorpus.passages.sorted { $0.key < $1.key }.map(\.value)
        let count = documents.reduce(0) { $0 + $1.count }
        try #require(count > 0)
        var results: [Bool: [[[LabelDecision]]]] = [:]
        for cache in [true, false] {
            let classifier = try PassageClassifier(configuration: configuration, analysisCache: cache)
            let clock = ContinuousClock()
            var output: [[[LabelDecision]]] = []
            let elapsed = clock.measure { output = documents.map { classifier.classify($0) } }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print(
                "throughput cache=\(cache): \(Int(Double(count) / seconds)) passages/s (\(count) passages, hits \(classifier.cacheStatistics.hits), misses \(classifier.cacheStatistics.misses))"
            )
            results[cache] = output
        }
        #expect(results[true] == results[false], "the cache must not change any label")
    }
}
