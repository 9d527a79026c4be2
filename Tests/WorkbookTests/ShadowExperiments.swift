import Experiments
import Foundation

/// A fast stand-in for one experiment of ``ExperimentRegistry/standard``: the same name and
/// parameter declarations (so chapter parameters are validated exactly as in a real build)
/// and tables, series and histograms with the real names and columns, filled with synthetic
/// numbers instead of running a network. Lets the fuzz tests push the real chapters through
/// the whole renderer in milliseconds.
struct ShadowExperiment: Experiment {
    /// A table of the real experiment's result contract.
    struct TableShape: Sendable {
        var name: String
        var columns: [String]
    }

    let name: String
    let summary: String
    let parameters: [ExperimentParameter]
    let tables: [TableShape]
    let seriesGroups: [String]
    let histogramGroups: [String]

    init(mirroring real: any Experiment, tables: [TableShape], series: [String], histograms: [String]) {
        self.name = real.name
        self.summary = "Shadow of " + real.name
        self.parameters = real.parameters
        self.tables = tables
        self.seriesGroups = series
        self.histogramGroups = histograms
    }

    func run(_ values: ParameterValues) throws -> ExperimentResult {
        var labels = values.specs("init")
        if name == "lsuv" { labels = ["lsuv"] + values.specs("compare") }
        let activations = name == "depth-sweep" ? values.words("activations") : [values.word("activation")]
        let indices: [Int]
        switch name {
        case "training", "symmetry": indices = Array(0...min(1000, values.integer("epochs")))
        case "depth-sweep", "spectrum": indices = values.integers("depths")
        default: indices = Array(0...max(1, values.integer("depth")))
        }
        func number(_ label: Int, _ index: Int, _ column: Int) -> Double {
            // Mostly finite, sometimes missing, tiny or huge: exercises formats and log axes.
            if (label + index + column) % 17 == 16 { return .nan }
            return pow(0.5 + Double(label) * 0.7, Double(index % 40)) * Double(column + 1)
        }
        var resultTables: [ResultTable] = []
        for shape in tables {
            var table = ResultTable(name: shape.name, columns: shape.columns)
            let rowLabels = shape.columns.contains("init") ? labels : ["-"]
            for (labelIndex, label) in rowLabels.enumerated() {
                for activation in activations {
                    for index in shape.name == "summary" ? [indices.last ?? 0] : indices {
                        table.rows.append(shape.columns.enumerated().map { column, title -> ResultCell in
                            switch title {
                            case "init": return .text(label)
                            case "activation": return .text(activation)
                            case "layer", "epoch", "depth": return .integer(index)
                            case "width": return .integer(values.integer("width"))
                            case "distinct_units", "iterations": return .integer(1 + index % 3)
                            case "diverged_at": return labelIndex == 2 ? .integer(index) : .text("")
                            default: return .real(number(labelIndex, index, column))
                            }
                        })
                    }
                }
            }
            resultTables.append(table)
        }
        var series: [ResultSeries] = []
        for group in seriesGroups {
            for (labelIndex, label) in labels.enumerated() {
                let x = indices.map(Double.init)
                let y = indices.map { number(labelIndex, $0, 0) }
                series.append(ResultSeries(group: group, label: label, xLabel: "x", yLabel: group, x: x, y: y,
                                           divergedAt: labelIndex == 2 ? indices.last : nil))
            }
        }
        var histograms: [ResultHistogram] = []
        for group in histogramGroups {
            for label in labels {
                for index in indices.prefix(6) {
                    histograms.append(ResultHistogram(group: group, label: label, panel: "layer \(index)",
                                                      edges: (0...8).map { Double($0) / 4 - 1 },
                                                      counts: (0..<8).map { ($0 * 5 + index) % 9 }))
                }
            }
        }
        return ExperimentResult(experiment: name, parameters: values.settings, tables: resultTables, series: series,
                                histograms: histograms, notes: ["synthetic"])
    }

    /// Shadows of every standard experiment (tables and groups as `CatalogTests` fixes them).
    static let standard: [ShadowExperiment] = {
        let contracts: [String: ([TableShape], [String], [String])] = [
            "forward-stats": ([TableShape(name: "layers", columns: ["init", "layer", "mean", "std"])], ["std", "mean"], ["activations"]),
            "backward-stats": ([TableShape(name: "layers", columns: ["init", "layer", "activation_gradient_std", "weight_gradient_std"])],
                               ["activation_gradient_std", "weight_gradient_std"], ["gradients"]),
            "symmetry": ([TableShape(name: "units", columns: ["init", "layer", "distinct_units", "width"])], ["loss"], []),
            "training": ([TableShape(name: "epochs", columns: ["init", "epoch", "train_loss", "test_accuracy"]),
                          TableShape(name: "summary", columns: ["init", "final_train_loss", "final_test_accuracy", "diverged_at"])],
                         ["loss", "accuracy"], []),
            "depth-sweep": ([TableShape(name: "depths", columns: ["activation", "init", "depth", "last_std", "final_loss"])],
                            ["last_std", "final_loss"], []),
            "spectrum": ([TableShape(name: "singular_values", columns: ["init", "depth", "min", "median", "max", "condition"])],
                         ["max_singular_value", "condition"], ["spectrum"]),
            "lsuv": ([TableShape(name: "layers", columns: ["init", "layer", "std"]),
                      TableShape(name: "iterations", columns: ["layer", "iterations", "final_variance"])], ["std"], []),
        ]
        return ExperimentRegistry.standard.experiments.map { real in
            let (tables, series, histograms) = contracts[real.name] ?? ([], [], [])
            return ShadowExperiment(mirroring: real, tables: tables, series: series, histograms: histograms)
        }
    }()
}

/// The fuzz tests' registry: shadows of the standard catalogue plus the fakes of ``testRegistry``.
let shadowRegistry = ExperimentRegistry(ShadowExperiment.standard + testRegistry.experiments)
