import NetLab
import WeightInit

/// `spectrum`: singular values of the input–output Jacobian of a deep network at
/// initialisation (Saxe et al. 2014; Pennington et al. 2017).
///
/// For a linear network the Jacobian is the product W_L⋯W₁; otherwise it is
/// J = D_L W_L ⋯ D₁ W₁ with Dₗ = diag(f′(zₗ)) at one standard normal input. Products are formed
/// in Double from the Float32 weights; singular values come from one-sided Jacobi. Depth d uses
/// the first d layers of the deepest network, so depths are nested.
public struct SpectrumExperiment: Experiment {
    /// Creates the experiment.
    public init() {}

    public var name: String { "spectrum" }
    public var summary: String {
        "Singular values of the input-output Jacobian (W_L…W_1 for linear nets) against depth."
    }
    static let initializers = CatalogSupport.initializers(default: ["lecun-normal", "orthogonal"])
    static let depths = Parameter.integers(
        "depths", in: 1...200, default: [1, 2, 4, 8, 16, 32],
        "depths at which to measure")
    static let width = CatalogSupport.width(default: 128)
    static let activation = CatalogSupport.activation(default: "linear")
    static let bins = Parameter.integer("bins", in: 1...200, default: 40, "histogram bins per panel")
    /// Summary of the singular values, one row per initialiser and depth.
    static let singularValues = ExperimentOutputs.Table(
        "singular_values", columns: ["init", "depth", "min", "median", "max", "condition"])

    public var parameters: [ExperimentParameter] {
        [
            Self.initializers.declaration, Self.depths.declaration, Self.width.declaration,
            Self.activation.declaration, CatalogSupport.slope.declaration, Self.bins.declaration,
            CatalogSupport.seed.declaration,
        ]
    }

    public func outputs(for values: ParameterValues) -> ExperimentOutputs {
        ExperimentOutputs(
            tables: [Self.singularValues], series: ["max_singular_value", "condition"],
            histograms: ["spectrum"])
    }

    public func run(_ values: ParameterValues) throws(ExperimentError) -> ExperimentResult {
        let activation = try CatalogSupport.activation(values[Self.activation], values)
        let depths = values[Self.depths], width = values[Self.width], bins = values[Self.bins]
        guard width <= 512 else {
            throw .invalidCombination("spectrum computes dense SVDs: width \(width) is too large; use width ≤ 512")
        }
        let maxDepth = depths.max() ?? 1
        let specs = values[Self.initializers]
        let networks = specs.count, measured = Set(depths).count
        let w = Double(width)
        // Per network: the Jacobian product (w³ per layer), an SVD per measured depth (~10 sweeps of w³) and the init.
        try ResourceBudget(
            experiment: name,
            parameters: [
                ("width", width), ("deepest", maxDepth), ("depths measured", measured), ("initialisers", networks),
            ],
            values: Double(networks) * w * w * (Double(maxDepth) + 4),
            multiplyAdds: Double(networks) * w * w * w * (2 * Double(maxDepth) + 10 * Double(measured))
        ).check()
        let root = CatalogSupport.stream(values)
        var inputStream = root.substream(1)
        let input = GaussianInputs.matrix(rows: 1, columns: width, stream: &inputStream)
        let spectra = try TrainingRun.concurrently(specs.count) { index throws(NetLabError) -> [Int: [Double]] in
            let network = try MLP(
                MLPConfiguration(
                    inputWidth: width, widths: Array(repeating: width, count: maxDepth),
                    activation: activation, bias: false, weightInitializers: [specs[index]]),
                stream: root.substream(2))
            let trace = try network.forward(input)
            var jacobian = [Double](repeating: 0, count: width * width)
            for i in 0..<width { jacobian[i * width + i] = 1 }
            var result: [Int: [Double]] = [:]
            for l in 1...maxDepth {
                jacobian = SpectrumExperiment.step(
                    jacobian, layer: network.layers[l - 1],
                    preActivation: trace.preActivations[l - 1],
                    output: trace.outputs[l - 1], width: width)
                if depths.contains(l) {
                    result[l] = SingularValues.of(jacobian, rows: width, columns: width)
                }
            }
            return result
        }
        var table = ResultTable(Self.singularValues)
        var series: [ResultSeries] = []
        var histograms: [ResultHistogram] = []
        for (spec, spectrum) in zip(specs, spectra) {
            var maxima: [Double] = [], conditions: [Double] = []
            for depth in depths {
                let sigma = spectrum[depth] ?? []
                let largest = sigma.first ?? .nan, smallest = sigma.last ?? .nan
                let median = sigma.isEmpty ? .nan : (sigma[(sigma.count - 1) / 2] + sigma[sigma.count / 2]) / 2
                let condition = smallest > 0 ? largest / smallest : .infinity
                table.rows.append([
                    .text(spec), .integer(depth), .real(smallest), .real(median), .real(largest), .real(condition),
                ])
                maxima.append(largest)
                conditions.append(condition)
                histograms.append(
                    CatalogSupport.histogram(
                        group: "spectrum", label: spec, panel: "depth \(depth)",
                        values: sigma.map(Float.init),
                        range: 0...max(1e-12, largest), bins: bins))
            }
            let x = depths.map(Double.init)
            series.append(
                ResultSeries(
                    group: "max_singular_value", label: spec, xLabel: "depth", yLabel: "largest singular value",
                    x: x, y: maxima))
            series.append(
                ResultSeries(
                    group: "condition", label: spec, xLabel: "depth", yLabel: "σ_max/σ_min", x: x, y: conditions))
        }
        let what = activation == .linear ? "the product W_L…W_1" : "the Jacobian at one N(0, I) input"
        return ExperimentResult(
            experiment: name, parameters: values.settings, tables: [table], series: series,
            histograms: histograms,
            notes: ["singular values of \(what), computed in Double; σ below ~1e-16·σ_max are rounding noise"])
    }

    /// J ← Dₗ Wₗ J (row-major width × width, Double), Dₗ = diag(f′(zₗ)) on the first sample.
    static func step(
        _ jacobian: [Double], layer: DenseLayer, preActivation z: Matrix, output h: Matrix, width: Int
    ) -> [Double] {
        var result = [Double](repeating: 0, count: width * width)
        let weight = layer.weight.scalars.map(Double.init)
        jacobian.withUnsafeBufferPointer { j in
            weight.withUnsafeBufferPointer { w in
                result.withUnsafeMutableBufferPointer { r in
                    for i in 0..<width {
                        let d = Double(layer.activation.derivative(z[0, i], output: h[0, i]))
                        for p in 0..<width {
                            let wip = w[i * width + p] * d
                            if wip == 0 { continue }
                            for c in 0..<width { r[i * width + c] += wip * j[p * width + c] }
                        }
                    }
                }
            }
        }
        return result
    }
}
