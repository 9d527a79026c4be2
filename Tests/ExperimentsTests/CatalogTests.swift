import Experiments
import Foundation
import Testing

/// The experiment catalogue: names, contracts (tables, columns, groups), determinism, errors.
@Suite struct CatalogTests {
    let registry = ExperimentRegistry.standard

    @Test func registryNamesAreUniqueKebabCaseAndDocumented() {
        #expect(!registry.names.isEmpty)
        #expect(Set(registry.names).count == registry.names.count, "names are unique")
        for experiment in registry.experiments {
            #expect(!experiment.name.isEmpty && experiment.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" })
            #expect(!experiment.summary.isEmpty)
            #expect(experiment.parameters.contains { $0.name == "seed" })
            // Every default parses.
            #expect(throws: Never.self) { try experiment.resolve([]) }
        }
    }

    @Test func unknownNamesAndValuesListTheChoices() {
        #expect(throws: ExperimentError.self) { try registry.run("forward-stat") }
        do {
            _ = try registry.run("forward-stats", overrides: [("depthh", "3")])
            Issue.record("expected an error")
        } catch let error as ExperimentError {
            #expect(error.description.contains("depth, width"))
        } catch { Issue.record("\(error)") }
        do {
            _ = try registry.run("forward-stats", overrides: [("activation", "swish")])
            Issue.record("expected an error")
        } catch let error as ExperimentError {
            #expect(error.description.contains("tanh, sigmoid, relu"))
        } catch { Issue.record("\(error)") }
        #expect(throws: ExperimentError.self) { try registry.run("depth-sweep", overrides: [("activations", "[relu, swish]")]) }
    }

    /// CS231n: std 0.01 collapses below 1e-5 by layer 10, Xavier stays above 0.15 (fewer samples than the default).
    @Test func forwardStatsReproducesCS231n() throws {
        let result = try registry.run("forward-stats", overrides: [("samples", "8")])
        let table = try #require(result.table(named: "layers"))
        #expect(table.columns == ["init", "layer", "mean", "std"])
        func std(_ spec: String, _ layer: Int) -> Double? {
            table.rows.first { $0[0] == .text(spec) && $0[1] == .integer(layer) }?[3].doubleValue
        }
        #expect(try #require(std("normal(std=0.01)", 10)) < 1e-5)
        #expect(try #require(std("xavier-normal", 10)) > 0.15)
        #expect(abs(try #require(std("xavier-normal", 0)) - 1) < 0.05)
        #expect(Set(result.series.map(\.group)) == ["std", "mean"])
        #expect(result.histograms.count == 30)
        #expect(result.histograms.allSatisfy { $0.group == "activations" && $0.edges.first == -1 && $0.edges.last == 1 })
        #expect(result.parameters.map(\.name) == ["init", "activation", "slope", "depth", "width", "samples", "seed", "bins", "bias"])
    }

    @Test func glorotStandardVersusNormalisedInit() throws {
        let bound = 1 / 200.0.squareRoot()
        let result = try registry.run("forward-stats", overrides: [
            ("init", "[uniform(a=-\(bound), b=\(bound)), xavier-uniform]"), ("samples", "8"), ("depth", "5"), ("width", "200"),
        ])
        let table = try #require(result.table(named: "layers"))
        let last = table.rows.filter { $0[1] == .integer(5) }.compactMap { $0[3].doubleValue }
        #expect(last.count == 2)
        #expect(last[0] < last[1] / 2)  // the standard init shrinks by ≈ 1/√3 per layer
    }

    @Test func sameSeedGivesIdenticalJSON() throws {
        for (name, overrides) in Self.smallRuns {
            let a = try registry.run(name, overrides: overrides)
            let b = try registry.run(name, overrides: overrides)
            #expect(a.jsonText() == b.jsonText(), "\(name)")
            #expect(try ResultCoding.encoder().encode(a) == ResultCoding.encoder().encode(b), "\(name)")
        }
        let other = try registry.run("training", overrides: Self.smallRuns[3].1 + [("seed", "2")]).jsonText()
        #expect(other != (try registry.run("training", overrides: Self.smallRuns[3].1).jsonText()))
    }

    static let smallRuns: [(String, [(name: String, value: String)])] = [
        ("forward-stats", [("width", "32"), ("samples", "16"), ("depth", "4")]),
        ("backward-stats", [("width", "32"), ("samples", "16"), ("depth", "4")]),
        ("symmetry", [("epochs", "3")]),
        ("training", [("epochs", "2"), ("width", "16"), ("depth", "2"), ("dataset", "spirals")]),
        ("depth-sweep", [("depths", "[2, 4]"), ("width", "16"), ("samples", "64"), ("steps", "4")]),
        ("spectrum", [("depths", "[1, 4]"), ("width", "16")]),
        ("lsuv", [("depth", "3"), ("width", "32"), ("samples", "64")]),
    ]

    @Test func everyExperimentHasItsContractedTablesAndGroups() throws {
        let expected: [String: ([String: [String]], Set<String>, Set<String>)] = [
            "forward-stats": (["layers": ["init", "layer", "mean", "std"]], ["std", "mean"], ["activations"]),
            "backward-stats": (["layers": ["init", "layer", "activation_gradient_std", "weight_gradient_std"]],
                               ["activation_gradient_std", "weight_gradient_std"], ["gradients"]),
            "symmetry": (["units": ["init", "layer", "distinct_units", "width"]], ["loss"], []),
            "training": (["epochs": ["init", "epoch", "train_loss", "test_accuracy"],
                          "summary": ["init", "final_train_loss", "final_test_accuracy", "diverged_at"]], ["loss", "accuracy"], []),
            "depth-sweep": (["depths": ["activation", "init", "depth", "last_std", "final_loss"]], ["last_std", "final_loss"], []),
            "spectrum": (["singular_values": ["init", "depth", "min", "median", "max", "condition"]],
                         ["max_singular_value", "condition"], ["spectrum"]),
            "lsuv": (["layers": ["init", "layer", "std"], "iterations": ["layer", "iterations", "final_variance"]], ["std"], []),
        ]
        for (name, overrides) in Self.smallRuns {
            let result = try registry.run(name, overrides: overrides)
            let (tables, series, histograms) = try #require(expected[name])
            #expect(Dictionary(uniqueKeysWithValues: result.tables.map { ($0.name, $0.columns) }) == tables, "\(name)")
            #expect(Set(result.series.map(\.group)) == series, "\(name)")
            #expect(Set(result.histograms.map(\.group)) == histograms, "\(name)")
            for table in result.tables {
                #expect(!table.rows.isEmpty, "\(name).\(table.name)")
                #expect(table.rows.allSatisfy { $0.count == table.columns.count })
            }
        }
    }

    @Test func symmetryCountsDistinctUnits() throws {
        let result = try registry.run("symmetry", overrides: [("epochs", "3")])
        let table = try #require(result.table(named: "units"))
        for row in table.rows {
            let expected = row[0] == .text("normal(std=0.1)") ? 16 : 1
            #expect(row[2] == .integer(expected), "\(row)")
        }
    }

    @Test func divergingTrainingIsReportedNotCrashed() throws {
        let result = try registry.run("training", overrides: [("lr", "1e9"), ("epochs", "2"), ("init", "kaiming-normal"),
                                                              ("width", "32"), ("depth", "3")])
        let summary = try #require(result.table(named: "summary"))
        guard case .integer(let step) = summary.rows[0][3] else {
            Issue.record("diverged_at is \(summary.rows[0][3])")
            return
        }
        #expect(step >= 1)
        #expect(summary.rows[0][1] == .missing)
        #expect(result.notes.contains { $0.contains("diverged at step \(step)") })
        #expect(result.series.first { $0.group == "loss" }?.divergedAt == step)
        let json = String(decoding: try ResultCoding.encoder().encode(result), as: UTF8.self)
        #expect(!json.contains("NaN") && !json.contains("nan"))
    }

    @Test func teacherRegressionReportsTestLoss() throws {
        let result = try registry.run("training", overrides: [("dataset", "teacher"), ("epochs", "2"), ("width", "16"), ("depth", "2")])
        #expect(result.table(named: "epochs")?.columns == ["init", "epoch", "train_loss", "test_loss"])
        #expect(Set(result.series.map(\.group)) == ["loss", "test_loss"])
    }

    @Test func orthogonalSpectrumIsFlat() throws {
        let result = try registry.run("spectrum", overrides: [("depths", "[1, 8]"), ("width", "32"), ("init", "orthogonal")])
        let table = try #require(result.table(named: "singular_values"))
        for row in table.rows {
            #expect(abs((row[2].doubleValue ?? 0) - 1) < 1e-4)
            #expect(abs((row[4].doubleValue ?? 0) - 1) < 1e-4)
        }
    }

    @Test func formatsRenderEveryTable() throws {
        let result = try registry.run("lsuv", overrides: [("depth", "2"), ("width", "16"), ("samples", "32")])
        let csv = result.csvText()
        #expect(csv.hasPrefix("# table layers\r\ninit,layer,std\r\n"))
        #expect(csv.contains("\r\n# table iterations\r\n"))
        let text = result.plainText()
        #expect(text.contains("table layers") && text.contains("table iterations"))
        let decoded = try ResultCoding.decoder().decode(ExperimentResult.self, from: ResultCoding.encoder().encode(result))
        #expect(decoded == result)
        let object = try JSONSerialization.jsonObject(with: Data(result.jsonText().utf8)) as? [String: Any]
        #expect(Set(object?.keys.map { $0 } ?? []) == ["experiment", "parameters", "tables", "series", "histograms", "notes"])
        let tables = object?["tables"] as? [[String: Any]]
        #expect(tables?.compactMap { $0["name"] as? String } == ["layers", "iterations"])
    }
}
