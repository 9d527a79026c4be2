import NetLab
import WeightInit

/// `lsuv`: layer-sequential unit-variance initialisation (Mishkin & Matas 2016) against plain
/// initialisers.
///
/// Inputs are `samples × width` standard normal. The `lsuv` network starts orthogonal and each
/// layer's weight is rescaled on that batch until the variance of its pre-activation output is
/// within `tolerance` of 1 (at most `max_iterations` rescalings). Table `layers` gives the std of
/// every layer's outputs hₗ after LSUV for `lsuv` and at initialisation for the `compare` specs.
public struct LSUVExperiment: Experiment {
    /// Creates the experiment.
    public init() {}

    public var name: String { "lsuv" }
    public var summary: String {
        "LSUV (orthogonal + per-layer variance rescaling) vs plain initialisers: std per layer."
    }
    static let activation = CatalogSupport.activation(default: "tanh")
    static let depth = CatalogSupport.depth(default: 10)
    static let width = CatalogSupport.width(default: 256)
    static let samples = CatalogSupport.samples(default: 500)
    static let tolerance = Parameter.real("tolerance", in: 1e-6...1, default: 0.1, "stop when |Var − 1| < tolerance")
    static let maxIterations = Parameter.integer(
        "max_iterations", in: 0...100, default: 10,
        "rescalings per layer at most")
    static let compare = Parameter.initializers(
        "compare", default: ["orthogonal", "xavier-normal", "kaiming-normal"],
        "plain initialisers shown beside lsuv")
    /// The std of every layer's outputs per network (`lsuv` first).
    static let layers = ExperimentOutputs.Table("layers", columns: ["init", "layer", "std"])
    /// LSUV's rescalings per layer.
    static let iterations = ExperimentOutputs.Table("iterations", columns: ["layer", "iterations", "final_variance"])

    public var parameters: [ExperimentParameter] {
        [
            Self.activation.declaration, CatalogSupport.slope.declaration, Self.depth.declaration,
            Self.width.declaration, Self.samples.declaration, Self.tolerance.declaration,
            Self.maxIterations.declaration, CatalogSupport.seed.declaration, Self.compare.declaration,
        ]
    }

    public func outputs(for values: ParameterValues) -> ExperimentOutputs {
        ExperimentOutputs(tables: [Self.layers, Self.iterations], series: ["std"])
    }

    public func run(_ values: ParameterValues) throws(ExperimentError) -> ExperimentResult {
        let activation = try CatalogSupport.activation(values[Self.activation], values)
        let depth = values[Self.depth], width = values[Self.width], samples = values[Self.samples]
        let compare = values[Self.compare]
        let networks = compare.count + 1, maxIterations = values[Self.maxIterations]
        let (s, w, d) = (Double(samples), Double(width), Double(depth))
        try ResourceBudget(
            experiment: name,
            parameters: [
                ("width", width), ("samples", samples), ("depth", depth),
                ("max_iterations", maxIterations), ("initialisers", networks),
            ],
            values: s * w * (2 * d + 1) + 2 * w * w * d,
            multiplyAdds: (Double(networks + maxIterations + 1) * s * w * w + Double(networks) * w * w * w) * d
        ).check()
        let root = CatalogSupport.stream(values)
        var inputStream = root.substream(1)
        let input = GaussianInputs.matrix(rows: samples, columns: width, stream: &inputStream)
        func configuration(_ spec: String) -> MLPConfiguration {
            MLPConfiguration(
                inputWidth: width, widths: Array(repeating: width, count: depth), activation: activation,
                bias: false, weightInitializers: [spec])
        }
        let (reports, rows) = try ExperimentError.network { () throws(NetLabError) in
            var lsuv = try MLP(configuration("orthogonal"), stream: root.substream(2))
            let reports = try LSUV.normalize(
                &lsuv, batch: input, tolerance: values[Self.tolerance],
                maxIterations: maxIterations)
            var rows: [(String, [LayerStatistics])] = [("lsuv", LayerStatistics.collect(try lsuv.forward(input)))]
            for spec in compare {
                let network = try MLP(configuration(spec), stream: root.substream(2))
                rows.append((spec, LayerStatistics.collect(try network.forward(input))))
            }
            return (reports, rows)
        }
        var layers = ResultTable(Self.layers)
        var series: [ResultSeries] = []
        for (label, statistics) in rows {
            let hidden = statistics.dropFirst()
            for row in hidden { layers.rows.append([.text(label), .integer(row.layer), .real(row.activationStd)]) }
            series.append(
                ResultSeries(
                    group: "std", label: label, xLabel: "layer", yLabel: "std",
                    x: hidden.map { Double($0.layer) }, y: hidden.map(\.activationStd)))
        }
        let iterations = ResultTable(
            name: Self.iterations.name, columns: Self.iterations.columns,
            rows: reports.map { [.integer($0.layer), .integer($0.iterations), .real($0.finalVariance)] })
        return ExperimentResult(
            experiment: name, parameters: values.settings, tables: [layers, iterations], series: series,
            notes: ["LSUV normalises the variance of each layer's pre-activation output on the \(samples)-sample batch"]
        )
    }
}
