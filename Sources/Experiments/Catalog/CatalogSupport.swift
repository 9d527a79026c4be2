import NetLab
import WeightInit

/// Parameter declarations and helpers shared by the catalogue's experiments.
enum CatalogSupport {
    /// `seed`: the Philox seed of every random draw of the run.
    static let seed = ExperimentParameter("seed", .integer(0...(1 << 31)), default: "1",
                                          "Philox seed; same parameters and seed give a bit-identical result")

    /// `activation`: the hidden-layer nonlinearity.
    static func activation(default value: String) -> ExperimentParameter {
        ExperimentParameter("activation", .choice(Activation.names), default: value, "hidden-layer nonlinearity")
    }

    /// `slope`: the leaky-ReLU negative slope, by default ``Activation/defaultLeakySlope``.
    static let slope = ExperimentParameter("slope", .real(0...1), default: "\(Activation.defaultLeakySlope)",
                                           "negative slope of leaky-relu (ignored by other activations)")

    /// `init`: the initialisers compared.
    static func initializers(default value: String) -> ExperimentParameter {
        ExperimentParameter("init", .initializerList, default: value, "weight initialisers to compare, one run each")
    }

    /// `depth`: the number of hidden layers.
    static func depth(default value: Int) -> ExperimentParameter {
        ExperimentParameter("depth", .integer(1...200), default: String(value), "number of hidden layers")
    }

    /// `width`: units per hidden layer.
    static func width(default value: Int) -> ExperimentParameter {
        ExperimentParameter("width", .integer(1...4096), default: String(value), "units per hidden layer")
    }

    /// `samples`: rows of the input batch.
    static func samples(default value: Int) -> ExperimentParameter {
        ExperimentParameter("samples", .integer(1...100_000), default: String(value), "input samples (rows of the batch)")
    }

    /// `dataset`: a NetLab data set name.
    static func dataset(default value: String) -> ExperimentParameter {
        ExperimentParameter("dataset", .choice(DatasetKind.allCases.map(\.rawValue)), default: value,
                            "data set: digits (UCI, \(DigitsLoader.trainCount)/\(DigitsLoader.testCount)), "
                            + "spirals, circles, teacher (regression), gaussian")
    }

    /// `lr`: the learning rate.
    static func learningRate(default value: String) -> ExperimentParameter {
        ExperimentParameter("lr", .real(0...1e12), default: value, "learning rate η (large values diverge; reported, not fatal)")
    }

    /// The root random stream of a run.
    static func stream(_ values: ParameterValues) -> RandomStream {
        RandomStream(seed: UInt64(max(0, values.integer("seed"))))
    }

    /// The activation named by `parameter` with the `slope` parameter.
    static func activation(_ name: String, _ values: ParameterValues) throws(ExperimentError) -> Activation {
        do {
            let slope = values.value("slope") == nil ? Activation.defaultLeakySlope : Float(values.real("slope"))
            return try Activation(name: name, slope: slope)
        } catch {
            throw .invalidValue(parameter: "activation", value: name, expected: "one of " + Activation.names.joined(separator: ", "))
        }
    }

    /// Runs `body`, mapping NetLab and data errors to ``ExperimentError/invalidCombination(_:)``.
    static func mapErrors<T>(_ body: () throws -> T) throws(ExperimentError) -> T {
        do {
            return try body()
        } catch let error as ExperimentError {
            throw error
        } catch let error as NetLabError {
            throw .invalidCombination(error.description)
        } catch let error as DigitsError {
            throw .invalidCombination(error.description)
        } catch {
            throw .invalidCombination(String(describing: error))
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
    static func histogram(group: String, label: String, panel: String, values: [Float],
                          range: ClosedRange<Double>, bins: Int) -> ResultHistogram {
        let binned = Histogram(values: values, range: range, bins: bins)
        return ResultHistogram(group: group, label: label, panel: panel, edges: binned.edges, counts: binned.counts)
    }

    /// A note for a diverged run.
    static func divergenceNote(_ label: String, step: Int) -> String {
        "\(label) diverged at step \(step)"
    }
}
