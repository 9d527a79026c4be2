import NetLab
import WeightInit

/// `backward-stats`: the std of back-propagated gradients per layer at initialisation.
///
/// The network and inputs are those of ``ForwardStatsExperiment``. The output gradient
/// ∂L/∂h_L is a unit-variance random matrix (independent N(0, 1) entries, i.e. the loss
/// L = Σ g⊙h_L for a fixed random g), back-propagated to every layer: δₗ = ∂L/∂zₗ and ∂L/∂Wₗ.
public struct BackwardStatsExperiment: Experiment {
    /// Creates the experiment.
    public init() {}

    public var name: String { "backward-stats" }
    public var summary: String { "Std of ∂L/∂z and ∂L/∂W per layer for a unit-variance random output gradient." }
    /// The parameters are ``ForwardStatsExperiment``'s (the same network and inputs).
    private typealias Forward = ForwardStatsExperiment
    /// The gradient statistics, one row per initialiser and layer.
    static let layers = ExperimentOutputs.Table(
        "layers", columns: ["init", "layer", "activation_gradient_std", "weight_gradient_std"])

    public var parameters: [ExperimentParameter] { ForwardStatsExperiment().parameters }

    public func outputs(for values: ParameterValues) -> ExperimentOutputs {
        ExperimentOutputs(
            tables: [Self.layers], series: ["activation_gradient_std", "weight_gradient_std"],
            histograms: ["gradients"])
    }

    public func run(_ values: ParameterValues) throws(ExperimentError) -> ExperimentResult {
        let (activation, depth, width, samples, bins, specs) = try Forward.Setup(values).unpacked
        let networks = specs.count
        let (s, w, d) = (Double(samples), Double(width), Double(depth))
        try ResourceBudget(
            experiment: name,
            parameters: [("width", width), ("samples", samples), ("depth", depth), ("initialisers", networks)],
            values: s * w * (3 * d + 3) + 2 * w * w * d,
            multiplyAdds: Double(networks) * (3 * s * w * w * d + w * w * w * d)
        ).check()
        let root = CatalogSupport.stream(values)
        var inputStream = root.substream(1)
        let input = GaussianInputs.matrix(rows: samples, columns: width, stream: &inputStream)
        var gradientStream = root.substream(3)
        let outputGradient = GaussianInputs.matrix(rows: samples, columns: width, stream: &gradientStream)
        var table = ResultTable(Self.layers)
        var series: [ResultSeries] = []
        var histograms: [ResultHistogram] = []
        for spec in specs {
            let (trace, gradients) = try ExperimentError.network { () throws(NetLabError) in
                let network = try MLP(
                    MLPConfiguration(
                        inputWidth: width, widths: Array(repeating: width, count: depth),
                        activation: activation, bias: values[Forward.bias],
                        weightInitializers: [spec]),
                    stream: root.substream(2))
                let trace = try network.forward(input)
                return (trace, try network.backward(trace, outputGradient: outputGradient))
            }
            let statistics = LayerStatistics.collect(trace, gradients: gradients).dropFirst()
            for row in statistics {
                table.rows.append([
                    .text(spec), .integer(row.layer), .real(row.preActivationGradientStd ?? .nan),
                    .real(row.weightGradientStd ?? .nan),
                ])
            }
            let layers = statistics.map { Double($0.layer) }
            series.append(
                ResultSeries(
                    group: "activation_gradient_std", label: spec, xLabel: "layer",
                    yLabel: "std of dL/dz", x: layers, y: statistics.map { $0.preActivationGradientStd ?? .nan }))
            series.append(
                ResultSeries(
                    group: "weight_gradient_std", label: spec, xLabel: "layer",
                    yLabel: "std of dL/dW", x: layers, y: statistics.map { $0.weightGradientStd ?? .nan }))
            for (index, delta) in gradients.preActivations.enumerated() {
                histograms.append(
                    CatalogSupport.histogram(
                        group: "gradients", label: spec, panel: "layer \(index + 1)", values: delta.scalars,
                        range: Histogram.fittingRange(delta.scalars, symmetric: true), bins: bins))
            }
        }
        return ExperimentResult(
            experiment: name, parameters: values.settings, tables: [table],
            series: series, histograms: histograms,
            notes: ["output gradient: \(samples)×\(width) independent N(0, 1) entries (not a trained loss)"])
    }
}
