import Experiments
import Foundation

/// A deterministic stand-in for the real experiments: std of layer l for initialiser i is
/// (0.01·10^i)^l-ish, so tables, series and histograms are predictable. `kaiming-normal`
/// "diverges" at the last layer (NaN), exercising missing cells and divergedAt.
struct FakeStatsExperiment: Experiment {
    let name = "fake-stats"
    let summary = "A fake forward-statistics experiment for tests."
    static let initializers = Parameter.initializers(
        "init", default: ["normal(std=0.01)", "xavier-normal"],
        "Initialisers.")
    static let depth = Parameter.integer("depth", in: 1...50, default: 3, "Number of layers.")
    static let activation = Parameter.choice("activation", ["tanh", "relu"], default: "tanh", "Activation.")
    static let seed = Parameter.integer("seed", in: 0...2_147_483_647, default: 1, "Seed.")
    static let layers = ExperimentOutputs.Table("layers", columns: ["init", "layer", "std"])
    static let summary = ExperimentOutputs.Table("summary", columns: ["init", "final_std", "diverged_at"])

    var parameters: [ExperimentParameter] {
        [Self.initializers.declaration, Self.depth.declaration, Self.activation.declaration, Self.seed.declaration]
    }

    func outputs(for values: ParameterValues) -> ExperimentOutputs {
        ExperimentOutputs(tables: [Self.layers, Self.summary], series: ["std"], histograms: ["activations"])
    }

    func run(_ values: ParameterValues) throws(ExperimentError) -> ExperimentResult {
        let specs = values[Self.initializers]
        let depth = values[Self.depth]
        var layers = ResultTable(Self.layers)
        var summaryTable = ResultTable(Self.summary)
        var series: [ResultSeries] = []
        var histograms: [ResultHistogram] = []
        for (index, spec) in specs.enumerated() {
            let factor = spec.hasPrefix("normal") ? 0.01 : (spec.hasPrefix("kaiming") ? 3.0 : 0.9)
            var xs: [Double] = [], ys: [Double] = []
            var divergedAt: Int?
            for layer in 0...depth {
                var std = pow(factor, Double(layer))
                if spec.hasPrefix("kaiming") && layer == depth && layer > 0 {
                    std = .nan
                    divergedAt = layer
                }
                layers.rows.append([.text(spec), .integer(layer), .real(std)])
                xs.append(Double(layer))
                ys.append(std)
                if layer > 0 {
                    let counts = (0..<6).map { bin in (bin * 7 + index * 3 + layer) % 11 }
                    histograms.append(
                        ResultHistogram(
                            group: "activations", label: spec, panel: "layer \(layer)",
                            edges: (0...6).map { -1 + Double($0) / 3 }, counts: counts))
                }
            }
            summaryTable.rows.append([.text(spec), .real(ys.last ?? .nan), .text(divergedAt.map(String.init) ?? "")])
            series.append(
                ResultSeries(
                    group: "std", label: spec, xLabel: "layer", yLabel: "std", x: xs, y: ys, divergedAt: divergedAt))
            _ = index
        }
        return ExperimentResult(
            experiment: name, parameters: values.settings, tables: [layers, summaryTable],
            series: series, histograms: histograms)
    }
}

/// An experiment whose choice values and table text are hostile HTML.
struct HostileExperiment: Experiment {
    let name = "hostile"
    let summary = "Echoes <script> in every field."
    static let label = Parameter.choice(
        "label", ["plain", "<script>alert('p')</script>"], default: "plain",
        "A label.")
    var parameters: [ExperimentParameter] { [Self.label.declaration] }

    func outputs(for values: ParameterValues) -> ExperimentOutputs {
        ExperimentOutputs(
            tables: [.init("echo", columns: ["<script>col</script>", "value"])], series: ["g"],
            histograms: ["h"])
    }

    func run(_ values: ParameterValues) throws(ExperimentError) -> ExperimentResult {
        let label = values[Self.label]
        let table = ResultTable(
            name: "echo", columns: ["<script>col</script>", "value"],
            rows: [[.text(label), .number(1)], [.text("</td><script>x</script>"), .number(2)]])
        let series = ResultSeries(
            group: "g", label: "<script>series</script>", xLabel: "<b>x</b>", yLabel: "y&z",
            x: [1, 2, 3], y: [1, .infinity, 3])
        let histogram = ResultHistogram(
            group: "h", label: "<script>h</script>", panel: "<i>p</i>", edges: [0, 1, 2], counts: [1, 2])
        return ExperimentResult(
            experiment: name, parameters: values.settings, tables: [table], series: [series], histograms: [histogram])
    }
}

/// An experiment that always throws.
struct FailingExperiment: Experiment {
    let name = "failing"
    let summary = "Always fails."
    let parameters: [ExperimentParameter] = []

    func outputs(for values: ParameterValues) -> ExperimentOutputs { ExperimentOutputs(tables: []) }

    func run(_ values: ParameterValues) throws(ExperimentError) -> ExperimentResult {
        throw .invalidCombination("this experiment always fails")
    }
}

/// The registry the tests inject.
let testRegistry = ExperimentRegistry([FakeStatsExperiment(), HostileExperiment(), FailingExperiment()])
