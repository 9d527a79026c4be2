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
    public var parameters: [ExperimentParameter] {
        [
            CatalogSupport.initializers(default: "[normal(std=0.01), xavier-normal, kaiming-normal]"),
            CatalogSupport.activation(default: "tanh"),
            CatalogSupport.slope,
            CatalogSupport.depth(default: 10),
            CatalogSupport.width(default: 500),
            CatalogSupport.samples(default: 1000),
            CatalogSupport.seed,
            ExperimentParameter("bins", .integer(1...200), default: "40", "histogram bins per panel"),
            ExperimentParameter("bias", .flag, default: "false", "add a (zero-initialised) bias to every layer"),
        ]
    }

    public func run(_ values: ParameterValues) throws -> ExperimentResult {
        let activation = try CatalogSupport.activation(values.word("activation"), values)
        let depth = values.integer("depth"), width = values.integer("width"), samples = values.integer("samples")
        let bins = values.integer("bins")
        let networks = values.specs("init").count
        let (s, w, d) = (Double(samples), Double(width), Double(depth))
        try ResourceBudget(experiment: name, parameters: [("width", width), ("samples", samples), ("depth", depth), ("initialisers", networks)],
                           values: s * w * (2 * d + 1) + w * w * d,
                           multiplyAdds: Double(networks) * (s * w * w * d + w * w * w * d)).check()
        let root = CatalogSupport.stream(values)
        var inputStream = root.substream(1)
        let input = GaussianInputs.matrix(rows: samples, columns: width, stream: &inputStream)
        var table = ResultTable(name: "layers", columns: ["init", "layer", "mean", "std"])
        var series: [ResultSeries] = []
        var histograms: [ResultHistogram] = []
        for spec in values.specs("init") {
            let trace = try CatalogSupport.mapErrors {
                let network = try MLP(MLPConfiguration(inputWidth: width, widths: Array(repeating: width, count: depth),
                                                       activation: activation, bias: values.flag("bias"),
                                                       weightInitializers: [spec]),
                                      stream: root.substream(2))
                return try network.forward(input)
            }
            let statistics = LayerStatistics.collect(trace)
            for row in statistics {
                table.rows.append([.text(spec), .integer(row.layer), .real(row.activationMean), .real(row.activationStd)])
            }
            let layers = statistics.map { Double($0.layer) }
            series.append(ResultSeries(group: "std", label: spec, xLabel: "layer", yLabel: "std",
                                       x: layers, y: statistics.map(\.activationStd)))
            series.append(ResultSeries(group: "mean", label: spec, xLabel: "layer", yLabel: "mean",
                                       x: layers, y: statistics.map(\.activationMean)))
            let layerCount = min(max(1, depth), trace.outputs.count)
            histograms += ParallelMap.map(count: layerCount) { index in
                let outputs = trace.outputs[index].scalars
                return CatalogSupport.histogram(
                    group: "activations", label: spec, panel: "layer \(index + 1)", values: outputs,
                    range: CatalogSupport.activationRange(activation, values: outputs), bins: bins)
            }
        }
        return ExperimentResult(experiment: name, parameters: values.settings, tables: [table],
                                series: series, histograms: histograms,
                                notes: ["inputs: \(samples)×\(width) standard normal; layer 0 is the input"])
    }
}
