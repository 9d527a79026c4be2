import Dispatch
import Foundation
import NetLab
import WeightInit

/// `forward-stats`: the mean and std of every layer's outputs in a deep network at
/// initialisation (CS231n's 10-layer, 500-unit tanh example; Glorot & Bengio 2010, fig. 6).
///
/// Inputs are `samples × width` standard normal; layer l computes hₗ = f(Wₗhₗ₋₁ [+ bₗ]) with
/// Wₗ of shape `[width, width]`. Every initialiser sees the same inputs and the same Philox
/// stream, so they differ only by their formula.
public struct ForwardStatsExperiment: Experiment {
    /// Creates the experiment.
    public init() {}

    public var name: String { "forward-stats" }
    public var summary: String { "Mean and std of each layer's activations at initialisation, with histograms." }
    static let initializers = CatalogSupport.initializers(default: [
        "normal(std=0.01)", "xavier-normal", "kaiming-normal",
    ])
    static let activation = CatalogSupport.activation(default: "tanh")
    static let depth = CatalogSupport.depth(default: 10)
    static let width = CatalogSupport.width(default: 500)
    static let samples = CatalogSupport.samples(default: 1000)
    static let bins = Parameter.integer("bins", in: 1...200, default: 40, "histogram bins per panel")
    static let bias = Parameter.flag("bias", default: false, "add a (zero-initialised) bias to every layer")
    /// The layer statistics, one row per initialiser and layer (layer 0 is the input).
    static let layers = ExperimentOutputs.Table("layers", columns: ["init", "layer", "mean", "std"])

    public var parameters: [ExperimentParameter] {
        [
            Self.initializers.declaration, Self.activation.declaration, CatalogSupport.slope.declaration,
            Self.depth.declaration, Self.width.declaration, Self.samples.declaration,
            CatalogSupport.seed.declaration, Self.bins.declaration, Self.bias.declaration,
        ]
    }

    public func outputs(for values: ParameterValues) -> ExperimentOutputs {
        ExperimentOutputs(tables: [Self.layers], series: ["std", "mean"], histograms: ["activations"])
    }

    /// The network and inputs of a run, read from the parameters this experiment and
    /// ``BackwardStatsExperiment`` share.
    struct Setup {
        var activation: Activation
        var depth: Int, width: Int, samples: Int, bins: Int
        var specs: [String]

        init(_ values: ParameterValues) throws(ExperimentError) {
            activation = try CatalogSupport.activation(values[ForwardStatsExperiment.activation], values)
            typealias Forward = ForwardStatsExperiment
            (depth, width, samples) = (values[Forward.depth], values[Forward.width], values[Forward.samples])
            bins = values[ForwardStatsExperiment.bins]
            specs = values[ForwardStatsExperiment.initializers]
        }

        /// Every setting, in declaration order.
        var unpacked: (Activation, Int, Int, Int, Int, [String]) { (activation, depth, width, samples, bins, specs) }
    }

    public func run(_ values: ParameterValues) throws(ExperimentError) -> ExperimentResult {
        let (activation, depth, width, samples, bins, specs) = try Setup(values).unpacked
        let networks = specs.count
        let (s, w, d) = (Double(samples), Double(width), Double(depth))
        try ResourceBudget(
            experiment: name,
            parameters: [("width", width), ("samples", samples), ("depth", depth), ("initialisers", networks)],
            values: s * w * (2 * d + 1) + w * w * d,
            multiplyAdds: Double(networks) * (s * w * w * d + w * w * w * d)
        ).check()
        let root = CatalogSupport.stream(values)
        var inputStream = root.substream(1)
        let input = GaussianInputs.matrix(rows: samples, columns: width, stream: &inputStream)
        var table = ResultTable(Self.layers)
        var series: [ResultSeries] = []
        var histograms: [ResultHistogram] = []
        for spec in specs {
            // Layers are built and run one at a time; each output's statistics and histogram are
            // computed concurrently with the next layer, and the output is then released.
            let layerCount = max(1, depth)
            let slots = SummarySlots(count: depth + 1)
            let group = DispatchGroup()
            let summarize: @Sendable (Int, Matrix) -> Void = { l, h in
                var histogram: ResultHistogram?
                if l >= 1, l <= layerCount {
                    histogram = CatalogSupport.histogram(
                        group: "activations", label: spec, panel: "layer \(l)", values: h.scalars,
                        range: CatalogSupport.activationRange(activation, values: h.scalars), bins: bins)
                }
                slots.set(l, (LayerStatistics.of(layer: l, output: h), histogram))
            }
            DispatchQueue.global().async(group: group) { summarize(0, input) }
            let configuration = MLPConfiguration(
                inputWidth: width, widths: Array(repeating: width, count: depth),
                activation: activation, bias: values[Self.bias], weightInitializers: [spec])
            do throws(NetLabError) {
                try MLP.forEachLayerOutput(configuration, stream: root.substream(2), input: input) { l, h in
                    DispatchQueue.global().async(group: group) { summarize(l, h) }
                }
            } catch {
                group.wait()
                throw .network(error)
            }
            group.wait()
            let summaries = slots.values()
            let statistics = summaries.map(\.0)
            for row in statistics {
                table.rows.append([
                    .text(spec), .integer(row.layer), .real(row.activationMean), .real(row.activationStd),
                ])
            }
            let layers = statistics.map { Double($0.layer) }
            series.append(
                ResultSeries(
                    group: "std", label: spec, xLabel: "layer", yLabel: "std",
                    x: layers, y: statistics.map(\.activationStd)))
            series.append(
                ResultSeries(
                    group: "mean", label: spec, xLabel: "layer", yLabel: "mean",
                    x: layers, y: statistics.map(\.activationMean)))
            histograms += summaries.compactMap(\.1)
        }
        return ExperimentResult(
            experiment: name, parameters: values.settings, tables: [table],
            series: series, histograms: histograms,
            notes: ["inputs: \(samples)×\(width) standard normal; layer 0 is the input"])
    }
}
