import EloCore
import Foundation
import Testing
@testable import EloClassification

/// Prints classification throughput with and without the analysis cache on the same passages (no
/// timing assertion; the ratio is what matters). Run in release for real figures.
@Suite struct ThroughputTests {
    @Test(.enabled(if: Repository.hasSeeds, "../shared/seeds absent: throughput not measured"))
    func cacheSpeedsUpClassification() throws {
        let configuration = try PipelineConfiguration.load(Repository.pipelines.appendingPathComponent("elo-2014.yaml"))
        let passages = Array(PlainTextPassages.documents(in: Repository.seeds).sorted { $0.key < $1.key }.flatMap(\.value))
        var results: [Bool: [[LabelDecision]]] = [:]
        for cache in [true, false] {
            let classifier = try PassageClassifier(configuration: configuration, analysisCache: cache)
            let clock = ContinuousClock()
            var output: [[LabelDecision]] = []
            let elapsed = clock.measure { for _ in 0..<3 { output = classifier.classify(passages) } }
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            print("throughput cache=\(cache): \(Int(Double(passages.count * 3) / seconds)) passages/s (\(passages.count * 3) passages, hits \(classifier.cacheStatistics.hits), misses \(classifier.cacheStatistics.misses))")
            results[cache] = output
        }
        #expect(results[true] == results[false], "the cache must not change any label")
    }
}
