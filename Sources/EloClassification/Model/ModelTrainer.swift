import CLinear

/// One passage to learn from: its features, its gold labels and the label sets it was judged on.
public struct TrainingExample: Sendable {
    public var document: String
    public var features: FeatureVector
    public var gold: Set<String>
    public var judgedSets: Set<String>

    public init(document: String, features: FeatureVector, gold: Set<String>, judgedSets: Set<String>) {
        self.document = document
        self.features = features
        self.gold = gold
        self.judgedSets = judgedSets
    }

    func isJudged(_ label: String) -> Bool { judgedSets.contains(String(label.prefix { $0 != "." })) }
}

/// Fits one L2-regularised logistic regression per label with liblinear (primal trust-region Newton solver:
/// deterministic, the same weights for the same examples). A label with fewer than `minimumPositives`
/// positive examples gets no model (the cue rules alone decide it). Positives and negatives weigh the same in
/// total (each class's cost scaled by examples / (2 × its count)): a goal is given in one passage in ten or
/// fewer, and unweighted, the fit learns mostly what the goal is not (real-dev cross-validation: macro-F1 about
/// +0.01 in every set).
public struct ModelTrainer: Sendable {
    public var regularisation: Double
    public var minimumPositives = 5
    /// A feature must occur in this many training passages to be weighed.
    public var minimumOccurrences = 2
    /// Weights smaller than this are dropped from the file (they change no decision).
    public var smallestWeight = 0.0005
    /// Whether positives and negatives weigh the same in total (see above).
    public var balancesClasses = true

    public init(regularisation: Double) { self.regularisation = regularisation }

    /// The weights of every label of `labelIDs` that has enough positive examples.
    public func fit(_ examples: [TrainingExample], labelIDs: [String]) -> [LabelModel.Label] {
        let names = featureNames(examples)
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, Int32($0 + 1)) })
        let rows = examples.map { example in
            example.features.values.compactMap { name, value in
                index[name].map { feature_node(index: $0, value: value) }
            }
            .sorted { $0.index < $1.index }
        }
        set_print_string_function { _ in }
        return labelIDs.compactMap { id in
            let used = examples.indices.filter { examples[$0].isJudged(id) }
            let positives = used.filter { examples[$0].gold.contains(id) }.count
            guard positives >= minimumPositives, positives < used.count else { return nil }
            let outcomes = used.map { examples[$0].gold.contains(id) ? 1.0 : -1.0 }
            let (weights, bias) = solve(
                rows: used.map { rows[$0] }, outcomes: outcomes, features: names.count,
                classWeights: classWeights(positives: positives, of: used.count))
            var named: [String: Double] = [:]
            for (position, weight) in weights.enumerated() where abs(weight) >= smallestWeight {
                named[names[position]] = Self.rounded(weight)
            }
            return LabelModel.Label(
                id: id, positives: positives, examples: used.count, bias: Self.rounded(bias), weights: named)
        }
    }

    /// Features in at least `minimumOccurrences` examples (rule and length features always), sorted.
    func featureNames(_ examples: [TrainingExample]) -> [String] {
        var counts: [String: Int] = [:]
        for example in examples { for name in example.features.values.keys { counts[name, default: 0] += 1 } }
        return counts.filter { name, count in !Self.isWord(name) || count >= minimumOccurrences }.keys.sorted()
    }

    static func isWord(_ feature: String) -> Bool { feature.hasPrefix("fi:") || feature.hasPrefix("sv:") }

    static func rounded(_ value: Double) -> Double { (value * 10_000).rounded() / 10_000 }

    /// The cost factors of the positive and the negative class (1 and 1 unless `balancesClasses`).
    func classWeights(positives: Int, of examples: Int) -> (positive: Double, negative: Double) {
        guard balancesClasses, positives > 0, positives < examples else { return (1, 1) }
        let total = Double(examples)
        return (total / (2 * Double(positives)), total / (2 * Double(examples - positives)))
    }

    /// liblinear's L2R_LR on one label: the weights of the features (in `rows`' index order) and the bias.
    private func solve(
        rows: [[feature_node]], outcomes: [Double], features: Int, classWeights: (positive: Double, negative: Double)
    ) -> (weights: [Double], bias: Double) {
        let biasIndex = Int32(features + 1)
        // one block of nodes, each row followed by the bias node and the terminator; liblinear reads row pointers
        let nodes = UnsafeMutablePointer<feature_node>.allocate(capacity: rows.reduce(0) { $0 + $1.count + 2 })
        let starts = UnsafeMutablePointer<UnsafeMutablePointer<feature_node>?>.allocate(capacity: max(1, rows.count))
        let y = UnsafeMutablePointer<Double>.allocate(capacity: max(1, rows.count))
        defer {
            nodes.deallocate()
            starts.deallocate()
            y.deallocate()
        }
        var next = nodes
        for (row, values) in rows.enumerated() {
            starts[row] = next
            y[row] = outcomes[row]
            for node in values + [feature_node(index: biasIndex, value: 1), feature_node(index: -1, value: 0)] {
                next.initialize(to: node)
                next += 1
            }
        }
        var problem = problem(l: Int32(rows.count), n: biasIndex, y: y, x: starts, bias: 1)
        var classes: [Int32] = [1, -1]
        var costs = [classWeights.positive, classWeights.negative]
        let trained = classes.withUnsafeMutableBufferPointer { classes in
            costs.withUnsafeMutableBufferPointer { costs -> UnsafeMutablePointer<model>? in
                var parameter = parameter(
                    solver_type: Int32(L2R_LR), eps: 0.01, C: regularisation, nr_weight: 2,
                    weight_label: classes.baseAddress, weight: costs.baseAddress, p: 0.1, init_sol: nil)
                guard check_parameter(&problem, &parameter) == nil else { return nil }
                return train(&problem, &parameter)
            }
        }
        guard let trained else { return (Array(repeating: 0, count: features), 0) }
        defer {
            var pointer: UnsafeMutablePointer<model>? = trained
            free_and_destroy_model(&pointer)
        }
        // w belongs to the class liblinear listed first: make it the positive class's
        let sign = trained.pointee.label[0] == 1 ? 1.0 : -1.0
        let weights = (0..<features).map { sign * trained.pointee.w[$0] }
        return (weights, sign * trained.pointee.w[features])
    }
}
