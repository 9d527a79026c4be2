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
    public var summary: String { "LSUV (orthogonal + per-layer variance rescaling) vs plain initialisers: std per layer." }
    public var parameters: [ExperimentParameter] {
        [
            CatalogSupport.activation(default: "tanh"),
            CatalogSupport.slope,
            CatalogSupport.depth(default: 10),
            CatalogSupport.width(default: 256),
            CatalogSupport.samples(default: 500),
            ExperimentParameter("tolerance", .real(1e-6...1), default: "0.1", "stop when |Var − 1| < tolerance"),
            ExperimentParameter("max_iterations", .integer(0...100), default: "10", "rescalings per layer at most"),
            CatalogSupport.seed,
            ExperimentParameter("compare", .initializerList, default: "[orthogonal, xavier-normal, kaiming-normal]",
                                "plain initialisers shown beside lsuv"),
        ]
    }

    public func run(_ values: ParameterValues) throws -> ExperimentResult {
        let activation = try CatalogSupport.activation(values.word("activation"), values)
        let depth = values.integer("depth"), width = values.integer("width"), samples = values.integer("samples")
        let networks = values.specs("compare").count + 1, maxIterations = values.integer("max_iterations")
        let (s, w, d) = (Double(samples), Double(width), Double(depth))
        try ResourceBudget(experiment: name, parameters: [("width", width), ("samples", samples), ("depth", depth),
                                                          ("max_iterations", maxIterations), ("initialisers", networks)],
                           values: s * w * (2 * d + 1) + 2 * w * w * d,
                           multiplyAdds: (Double(networks + maxIterations + 1) * s * w * w + Double(networks) * w * w * w) * d).check()
        let root = CatalogSupport.stream(values)
        var inputStream = root.substream(1)
        let input = GaussianInputs.matrix(rows: samples, columns: width, stream: &inputStream)
        func configuration(_ spec: String) -> MLPConfiguration {
            MLPConfiguration(inputWidth: width, widths: Array(repeating: width, count: depth), activation: activation,
                             bias: false, weightInitializers: [spec])
        }
        let (reports, rows) = try CatalogSupport.mapErrors {
            var lsuv = try MLP(configuration("orthogonal"), stream: root.substream(2))
            let reports = try LSUV.normalize(&lsuv, batch: input, tolerance: values.real("tolerance"),
                                             maxIterations: values.integer("max_iterations"))
            var rows: [(String, [LayerStatistics])] = [("lsuv", LayerStatistics.collect(try lsuv.forward(input)))]
            for spec in values.specs("compare") {
                let network = try MLP(configuration(spec), stream: root.substream(2))
                rows.append((spec, LayerStatistics.collect(try network.forward(input))))
            }
            return (reports, rows)
        }
        var layers = ResultTable(name: "layers", columns: ["init", "layer", "std"])
        var series: [ResultSeries] = []
        for (label, statistics) in rows {
            let hidden = statistics.dropFirst()
            for row in hidden { layers.rows.append([.text(label), .integer(row.layer), .real(row.activationStd)]) }
            series.append(ResultSeries(group: "std", label: label, xLabel: "layer", yLabel: "std",
                                       x: hidden.map { Double($0.layer) }, y: hidden.map(\.activationStd)))
        }
        let iterations = ResultTable(name: "iterations", columns: ["layer", "iterations", "final_variance"],
                                     rows: reports.map { [.integer($0.layer), .integer($0.iterations), .real($0.finalVariance)] })
        return ExperimentResult(experiment: name, parameters: values.settings, tables: [layers, iterations], series: series,
                                notes: ["LSUV normalises the variance of each layer's pre-activation output on the \(samples)-sample batch"])
    }
}
