import NetLab
import WeightInit

/// Parameter declarations and helpers shared by the catalogue's experiments.
enum CatalogSupport {
    /// `seed`: the Philox seed of every random draw of the run.
    static let seed = Parameter.integer(
        "seed", in: 0...(1 << 31), default: 1,
        "Philox seed; same parameters and seed give a bit-identical result")

    /// `activation`: the hidden-layer nonlinearity.
    static func activation(default value: String) -> Parameter<String> {
        .choice("activation", Activation.names, default: value, "hidden-layer nonlinearity")
    }

    /// `slope`: the leaky-ReLU negative slope, by default ``Activation/defaultLeakySlope``.
    static let slope = Parameter.real(
        "slope", in: 0...1, default: Double(Activation.defaultLeakySlope),
        "negative slope of leaky-relu (ignored by other activations)")

    /// `init`: the initialisers compared.
    static func initializers(default value: [String]) -> Parameter<[String]> {
        .initializers("init", default: value, "weight initialisers to compare, one run each")
    }

    /// `depth`: the number of hidden layers.
    static func depth(default value: Int) -> Parameter<Int> {
        .integer("depth", in: 1...200, default: value, "number of hidden layers")
    }

    /// `width`: units per hidden layer.
    static func width(default value: Int) -> Parameter<Int> {
        .integer("width", in: 1...4096, default: value, "units per hidden layer")
    }

    /// `samples`: rows of the input batch.
    static func samples(default value: Int) -> Parameter<Int> {
        .integer("samples", in: 1...100_000, default: value, "input samples (rows of the batch)")
    }

    /// `epochs`: passes over the training set.
    static func epochs(default value: Int) -> Parameter<Int> {
        .integer("epochs", in: 0...1000, default: value, "passes over the training set")
    }

    /// `dataset`: a NetLab data set name.
    static func dataset(default value: DatasetKind) -> Parameter<String> {
        .choice(
            "dataset", DatasetKind.allCases.map(\.rawValue), default: value.rawValue,
            "data set: digits (UCI, \(DigitsLoader.trainCount)/\(DigitsLoader.testCount)), "
                + "spirals, circles, teacher (regression), gaussian")
    }

    /// `lr`: the learning rate.
    static func learningRate(default value: Double) -> Parameter<Double> {
        .real("lr", in: 0...1e12, default: value, "learning rate η (large values diverge; reported, not fatal)")
    }

    /// The root random stream of a run.
    static func stream(_ values: ParameterValues) -> RandomStream {
        RandomStream(seed: UInt64(max(0, values[seed])))
    }

    /// The activation called `name` with the run's `slope`.
    static func activation(_ name: String, _ values: ParameterValues) throws(ExperimentError) -> Activation {
        try ExperimentError.network { () throws(NetLabError) in
            try Activation(name: name, slope: Float(values[slope]))
        }
    }

    /// The histogram range for outputs of `activation`: [−1, 1] for tanh, [0, 1] for sigmoid,
    /// otherwise fitted to the values.
    static func activationRange(_ activation: Activation, values: [Float]) -> ClosedRange<Double> {
        switch activation {
        case .tanh: return -1...1
        case .sigmoid: return 0...1
        case .relu: return 0...max(1e-12, Histogram.fittingRange(values, symmetric: false).upperBound)
        default: return Histogram.fittingRange(values, symmetric: true)
        }
    }

    /// A result histogram of `values` over `range`.
    static func histogram(
        group: String, label: String, panel: String, values: [Float],
        range: ClosedRange<Double>, bins: Int
    ) -> ResultHistogram {
        let binned = Histogram(values: values, range: range, bins: bins)
        return ResultHistogram(group: group, label: label, panel: panel, edges: binned.edges, counts: binned.counts)
    }

    /// A note for a diverged run.
    static func divergenceNote(_ label: String, step: Int) -> String {
        "\(label) diverged at step \(step)"
    }
}
