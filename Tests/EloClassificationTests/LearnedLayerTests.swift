import EloCore
import EloSettings
import EloTestSupport
import Foundation
import Testing

@testable import EloClassification

@Suite struct LearnedLayerTests {
    static func examples(_ gold: [GoldLabel]) throws -> [TrainingExample] {
        let documents = WordBagDocuments.passages(gold)
        let classifier = try PassageClassifier(configuration: LearnedLayerFixture.configuration)
        let data = TrainingData(gold: gold, documents: documents, classifier: classifier)
        return data.examples(trainingDocuments: Set(documents.keys))
    }

    @Test func trainerIsDeterministicAndWeighsTheWordsOfTheGoal() throws {
        let examples = try Self.examples(LearnedLayerFixture.gold())
        let first = ModelTrainer(regularisation: 2).fit(examples, labelIDs: ["t.a", "t.b"])
        let second = ModelTrainer(regularisation: 2).fit(examples, labelIDs: ["t.a", "t.b"])
        #expect(first == second)
        let quality = try #require(first.first { $0.id == "t.b" })
        #expect((quality.weights["fi:palaute"] ?? 0) > 0.2)
        #expect((quality.weights["fi:kirjasto"] ?? 0) < 0)
        let model = LabelModel(
            pipeline: "p", labelDefinitions: "", sources: [], regularisation: 2, threshold: 0.5, keepRuleLabels: 0,
            labels: first)
        let positive = try #require(examples.first { $0.gold.contains("t.b") })
        let negative = try #require(examples.first { $0.gold.isEmpty })
        #expect(model.probabilities(positive.features)["t.b"]! > 0.5)
        #expect(model.probabilities(negative.features)["t.b"]! < 0.2)
    }

    @Test func positivesAndNegativesWeighTheSameInTotal() throws {
        let examples = try Self.examples(LearnedLayerFixture.gold())
        var unbalanced = ModelTrainer(regularisation: 2)
        unbalanced.balancesClasses = false
        #expect(unbalanced.classWeights(positives: 5, of: 50) == (1, 1))
        let weights = ModelTrainer(regularisation: 2).classWeights(positives: 5, of: 50)
        #expect(abs(weights.positive - 5) < 1e-9 && abs(weights.negative - 50.0 / 90) < 1e-9)
        // the rare goal's passages score higher when its few positives count as much as the many negatives
        func probability(_ trainer: ModelTrainer) throws -> Double {
            let model = LabelModel(
                pipeline: "p", labelDefinitions: "", sources: [], regularisation: 2, threshold: 0.5,
                keepRuleLabels: 0, labels: trainer.fit(examples, labelIDs: ["t.a", "t.b"]))
            let positive = try #require(examples.first { $0.gold.contains("t.b") })
            return try #require(model.probabilities(positive.features)["t.b"])
        }
        #expect(try probability(ModelTrainer(regularisation: 2)) > probability(unbalanced))
    }

    @Test func aLabelWithTooFewExamplesIsLeftToTheRules() throws {
        let gold = LearnedLayerFixture.gold(documents: 1)  // two quality paragraphs: fewer than five
        let labels = ModelTrainer(regularisation: 2).fit(try Self.examples(gold), labelIDs: ["t.a", "t.b"])
        #expect(labels.isEmpty)
    }

    @Test(arguments: [(0.35, false, true), (0.15, true, true), (0.05, true, false), (0.25, false, false)])
    func rulesAndModelDecideTogether(probability: Double, ruleGives: Bool, given: Bool) {
        #expect(
            LearnedLayer.gives(probability: probability, ruleGives: ruleGives, threshold: 0.3, keepRuleLabels: 0.1)
                == given)
    }

    @Test func thresholdsComeFromThePipelineFileElseTheLabelSetElseTheModel() {
        var model = LabelModel(
            pipeline: "p", labelDefinitions: "", sources: [], regularisation: 1, threshold: 0.3,
            keepRuleLabels: 0.1, labels: [])
        model.setThresholds = ["t": .init(threshold: 0.45, keepRuleLabels: 0.05)]
        #expect(LearnedLayer(model: model).thresholds(for: "t.a") == .init(threshold: 0.45, keepRuleLabels: 0.05))
        #expect(LearnedLayer(model: model).thresholds(for: "u.a") == .init(threshold: 0.3, keepRuleLabels: 0.1))
        #expect(
            LearnedLayer(model: model, threshold: 0.6).thresholds(for: "t.a")
                == .init(threshold: 0.6, keepRuleLabels: 0.05))
    }

    @Test func theCompiledModelGivesTheTrainingPathsProbabilities() throws {
        var trainer = LearnedLayerTrainer(configuration: LearnedLayerFixture.configuration)
        trainer.innerFolds = 3
        let model = try trainer.train(LearnedLayerFixture.gold(), documents: [:])
        var configuration = LearnedLayerFixture.configuration
        configuration.learned = LearnedLayer(model: model)
        let classifier = try PassageClassifier(configuration: configuration)
        let compiled = try #require(classifier.compiledModel)
        for text in [
            "Laadun arviointi ja palaute kunnan kirjastossa, seuranta ja mittari.", "Saatavuus paranee kunnassa.",
        ] {
            let analysed = try #require(classifier.matcher.analyse(text, language: .finnish))
            let passage = Passage(page: 1, index: 0, kind: .paragraph, language: .finnish, text: text)
            let rules = classifier.decisions([passage], analysed: [analysed]).0[0]
            let byName = model.probabilities(
                classifier.features(analysed, rules: rules, words: classifier.featureWords))
            let words = PassageWords(
                analysed, words: classifier.featureWords, analyser: try #require(classifier.analyser))
            let byNumber = compiled.probabilities(words, rules: rules, tokens: analysed.tokens.count)
            for (index, label) in compiled.labels.enumerated() {
                #expect(abs(byNumber[index] - (byName[label] ?? -1)) < 1e-9, "\(label) in \(text)")
            }
        }
    }

    /// Feature numbers break ties between equally strong evidence words, so they must not follow a dictionary's
    /// per-process order: the compiled model numbers a model's words in name order, every run alike.
    @Test func theCompiledModelNumbersItsWordsInNameOrder() throws {
        let weights = Dictionary(uniqueKeysWithValues: (0..<40).map { ("fi:sana\($0)", 0.5) } + [("rule:a.b", 1.0)])
        let model = LabelModel(
            pipeline: "p", labelDefinitions: "", sources: [], regularisation: 1, threshold: 0.3, keepRuleLabels: 0.1,
            labels: [.init(id: "a.b", positives: 1, examples: 2, bias: 0, weights: weights)])
        let vocabulary = FeatureWords(compounds: SwedishCompounds(vocabulary: []))
        _ = CompiledModel(model, words: vocabulary)
        #expect(vocabulary.names.count == 40)
        #expect(vocabulary.names == vocabulary.names.sorted())
    }

    @Test func foldsKeepEveryDocumentWhole() {
        let fold = FoldAssignment(documents: ["b", "a", "c", "a", "d", "b"], folds: 3)
        #expect(fold.count == 3)
        #expect(Set(["a", "b", "c", "d"].map { fold[$0] }) == [0, 1, 2])
        #expect(fold["a"] == 0 && fold["d"] == 0)
    }

    @Test func crossValidationFindsWordingTheRulesMiss() throws {
        let gold = LearnedLayerFixture.gold()
        let rules = try Evaluator(configuration: LearnedLayerFixture.configuration).evaluate(gold, documents: [:])
        let rulesQuality = try #require(rules.sets.first?.labels.first { $0.id == "t.b" })
        #expect(rulesQuality.truePositives == 0)
        var trainer = LearnedLayerTrainer(configuration: LearnedLayerFixture.configuration)
        trainer.innerFolds = 3
        let report = try trainer.crossValidate(gold, documents: [:], folds: 4)
        #expect(report.folds == 4)
        #expect(report.matched == gold.count)
        let quality = try #require(report.sets.first?.labels.first { $0.id == "t.b" })
        #expect((quality.f1 ?? 0) > 0.9)
        #expect(report.languages.contains { $0.language == "fi" })
    }

    @Test func aTrainedModelRoundTripsAndLabelsWithModelEvidence() throws {
        var trainer = LearnedLayerTrainer(configuration: LearnedLayerFixture.configuration)
        trainer.innerFolds = 3
        let model = try trainer.train(LearnedLayerFixture.gold(), documents: [:])
        let folder = try TemporaryFolder()
        let url = folder.url.appendingPathComponent("models/m.json")
        try model.write(to: url)
        let loaded = try LabelModel.load(url)
        #expect(loaded == model)
        var configuration = LearnedLayerFixture.configuration
        configuration.learned = LearnedLayer(
            model: loaded, threshold: loaded.threshold, keepRuleLabels: loaded.keepRuleLabels)
        let classifier = try PassageClassifier(configuration: configuration)
        let passage = Passage(
            page: 1, index: 0, kind: .paragraph, language: .finnish,
            text: "Kunnan ohjauksen arviointi ja palaute kootaan kirjastossa, ja seuranta ja vaikuttavuuden mittari "
                + "jatkuvat ensi vuonna kunnan talouden ja liikenteen rinnalla puistossa.")
        let labels = try #require(classifier.classify([passage]).first)
        let quality = try #require(labels.first { $0.id == "t.b" })
        #expect(
            quality.evidence.contains {
                $0.cue.hasPrefix("model: ") && ["arviointi", "palaute", "seuranta", "mittari"].contains($0.text)
            })
        let heading = Passage(page: 1, index: 0, kind: .heading, language: .finnish, text: "Arviointi ja palaute")
        #expect(classifier.classify([heading]).first?.isEmpty == true)
    }
}
