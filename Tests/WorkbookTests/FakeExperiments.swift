import Experiments
import Foundation

/// A deterministic stand-in for the real experiments: std of layer l for initialiser i is
/// (0.01·10^i)^l-ish, so tables, series and histograms are predictable. `kaiming-normal`
/// "diverges" at the last layer (NaN), exercising missing cells and divergedAt.
struct FakeStatsExperiment: Experiment {
    let name = "fake-stats"
    let summary = "A fake forward-statistics experiment for tests."
    let parameters: [ExperimentParameter] = [
        ExperimentParameter("init", .initializerList, default: "[normal(std=0.01), xavier-normal]", "Initialisers."),
        ExperimentParameter("depth", .integer(1...50), default: "3", "Number of layers."),
        ExperimentParameter("activation", .choice(["tanh", "relu"]), default: "tanh", "Activation."),
        ExperimentParameter("seed", .integer(0...2_147_483_647), default: "1", "Seed."),
    ]

    func run(_ values: ParameterValues) throws -> ExperimentResult {
        let specs = values.specs("init")
        let depth = values.integer("depth")
        var layers = ResultTable(name: "layers", columns: ["init", "layer", "std"])
        var summaryTable = ResultTable(name: "summary", columns: ["init", "final_std", "diverged_at"])
        var series: [ResultSeries] = []
        var histograms: [ResultHistogram] = []
        for (index, spec) in specs.enumerated() {
            let factor = spec.hasPrefix("normal") ? 0.01 : (spec.hasPrefix("kaiming") ? 3.0 : 0.9)
            var xs: [Double] = [], ys: [Double] = []
            var divergedAt: Int?
            for layer in 0...depth {
                var std = pow(factor, Double(layer))
                if spec.hasPrefix("kaiming") && layer == depth && layer > 0 { std = .nan; divergedAt = layer }
                layers.rows.append([.text(spec), .integer(layer), .real(std)])
                xs.append(Double(layer))
                ys.append(std)
                if layer > 0 {
                    let counts = (0..<6).map { bin in (bin * 7 + index * 3 + layer) % 11 }
                    histograms.append(ResultHistogram(group: "activations", label: spec, panel: "layer \(layer)",
                                                      edges: (0...6).map { -1 + Double($0) / 3 }, counts: counts))
                }
            }
            summaryTable.rows.append([.text(spec), .real(ys.last ?? .nan), .text(divergedAt.map(String.init) ?? "")])
            series.append(ResultSeries(group: "std", label: spec, xLabel: "layer", yLabel: "std", x: xs, y: ys, divergedAt: divergedAt))
            _ = index
        }
        return ExperimentResult(experiment: name, parameters: values.settings, tables: [layers, summaryTable],
                                series: series, histograms: histograms)
    }
}

/// An experiment whose choice values and table text are hostile HTML.
struct HostileExperiment: Experiment {
    let name = "hostile"
    let summary = "Echoes <script> in every field."
    let parameters: [ExperimentParameter] = [
        ExperimentParameter("label", .choice(["plain", "<script>alert('p')</script>"]), default: "plain", "A label."),
    ]

    func run(_ values: ParameterValues) throws -> ExperimentResult {
        let label = values.word("label")
        let table = ResultTable(name: "echo", columns: ["<script>col</script>", "value"],
                                rows: [[.text(label), .number(1)], [.text("</td><script>x</script>"), .number(2)]])
        let series = ResultSeries(group: "g", label: "<script>series</script>", xLabel: "<b>x</b>", yLabel: "y&z",
                                  x: [1, 2, 3], y: [1, .infinity, 3])
        let histogram = ResultHistogram(group: "h", label: "<script>h</script>", panel: "<i>p</i>", edges: [0, 1, 2], counts: [1, 2])
        return ExperimentResult(experiment: name, parameters: values.settings, tables: [table], series: [series], histograms: [histogram])
    }
}

/// An experiment that always throws.
struct FailingExperiment: Experiment {
    let name = "failing"
    let summary = "Always fails."
    let parameters: [ExperimentParameter] = []

    func run(_ values: ParameterValues) throws -> ExperimentResult {
        throw ExperimentError.invalidCombination("this experiment always fails")
    }
}

/// The registry the tests inject.
let testRegistry = ExperimentRegistry([FakeStatsExperiment(), HostileExperiment(), FailingExperiment()])
