import Experiments
import Foundation

/// A fast stand-in for one experiment of ``ExperimentRegistry/standard``: the same name and
/// parameter declarations (so chapter parameters are validated exactly as in a real build)
/// and the tables, series and histograms the real one declares (``Experiment/outputs(for:)``), filled with synthetic
/// numbers instead of running a network. Lets the fuzz tests push the real chapters through
/// the whole renderer in milliseconds.
struct ShadowExperiment: Experiment {
    /// The experiment mirrored.
    let real: any Experiment

    var name: String { real.name }
    var summary: String { "Shadow of " + real.name }
    var parameters: [ExperimentParameter] { real.parameters }

    func outputs(for values: ParameterValues) -> ExperimentOutputs { real.outputs(for: values) }

    func run(_ values: ParameterValues) throws(ExperimentError) -> ExperimentResult {
        let outputs = outputs(for: values)
        // Row labels: every initialiser spec the run compares (`lsuv` adds its own row first).
        var labels = values.entries.flatMap { entry -> [String] in
            if case .specs(let specs) = entry.value { return specs }
            return []
        }
        if name == "lsuv" { labels = ["lsuv"] + labels }
        let activations: [String]
        switch values.value("activations") ?? values.value("activation") {
        case .words(let words)?: activations = words
        case .word(let word)?: activations = [word]
        default: activations = ["-"]
        }
        func integer(_ name: String) -> Int? {
            if case .integer(let value)? = values.value(name) { return value }
            return nil
        }
        let indices: [Int]
        if case .integers(let list)? = values.value("depths") {
            indices = list
        } else if let epochs = integer("epochs") {
            indices = Array(0...min(1000, epochs))
        } else {
            indices = Array(0...max(1, integer("depth") ?? 1))
        }
        func number(_ label: Int, _ index: Int, _ column: Int) -> Double {
            // Mostly finite, sometimes missing, tiny or huge: exercises formats and log axes.
            if (label + index + column) % 17 == 16 { return .nan }
            return pow(0.5 + Double(label) * 0.7, Double(index % 40)) * Double(column + 1)
        }
        var resultTables: [ResultTable] = []
        for shape in outputs.tables {
            var table = ResultTable(name: shape.name, columns: shape.columns)
            let rowLabels = shape.columns.contains("init") ? labels : ["-"]
            for (labelIndex, label) in rowLabels.enumerated() {
                for activation in activations {
                    for index in shape.name == "summary" ? [indices.last ?? 0] : indices {
                        table.rows.append(
                            shape.columns.enumerated().map { column, title -> ResultCell in
                                switch title {
                                case "init": return .text(label)
                                case "activation": return .text(activation)
                                case "layer", "epoch", "depth": return .integer(index)
                                case "width": return .integer(integer("width") ?? 1)
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
        for group in outputs.series {
            for (labelIndex, label) in labels.enumerated() {
                let x = indices.map(Double.init)
                let y = indices.map { number(labelIndex, $0, 0) }
                series.append(
                    ResultSeries(
                        group: group, label: label, xLabel: "x", yLabel: group, x: x, y: y,
                        divergedAt: labelIndex == 2 ? indices.last : nil))
            }
        }
        var histograms: [ResultHistogram] = []
        for group in outputs.histograms {
            for label in labels {
                for index in indices.prefix(6) {
                    histograms.append(
                        ResultHistogram(
                            group: group, label: label, panel: "layer \(index)",
                            edges: (0...8).map { Double($0) / 4 - 1 },
                            counts: (0..<8).map { ($0 * 5 + index) % 9 }))
                }
            }
        }
        return ExperimentResult(
            experiment: name, parameters: values.settings, tables: resultTables, series: series,
            histograms: histograms, notes: ["synthetic"])
    }

    /// Shadows of every standard experiment, their tables and groups generated from the declarations.
    static let standard = ExperimentRegistry.standard.experiments.map { ShadowExperiment(real: $0) }
}

/// The fuzz tests' registry: shadows of the standard catalogue plus the fakes of ``testRegistry``.
let shadowRegistry = ExperimentRegistry(ShadowExperiment.standard + testRegistry.experiments)
