import Experiments
import Foundation
import NetLab
import Testing

/// The experiment catalogue: names, contracts (tables, columns, groups), determinism, errors.
@Suite struct CatalogTests {
    let registry = ExperimentRegistry.standard

    @Test func registryNamesAreUniqueKebabCaseAndDocumented() {
        #expect(!registry.names.isEmpty)
        #expect(Set(registry.names).count == registry.names.count, "names are unique")
        for experiment in registry.experiments {
            #expect(
                !experiment.name.isEmpty && experiment.name.allSatisfy { $0.isLowercase || $0.isNumber || $0 == "-" })
            #expect(!experiment.summary.isEmpty)
            #expect(experiment.parameters.contains { $0.name == "seed" })
            // Every default parses.
            #expect(throws: Never.self) { try experiment.resolve([]) }
        }
    }

    /// Defaults and descriptions derived from NetLab's constants read as the literals they replaced.
    @Test func derivedParameterTextsMatchNetLabConstants() throws {
        let training = try #require(registry.experiments.first { $0.name == "training" })
        let slope = try #require(training.parameters.first { $0.name == "slope" })
        #expect(slope.defaultValue == "0.01")
        #expect(Float(try #require(Double(slope.defaultValue))) == Activation.defaultLeakySlope)
        let dataset = try #require(training.parameters.first { $0.name == "dataset" })
        #expect(dataset.summary == "data set: digits (UCI, 1437/360), spirals, circles, teacher (regression), gaussian")
    }

    @Test func unknownNamesAndValuesListTheChoices() {
        #expect(throws: ExperimentError.self) { try registry.run("forward-stat") }
        do {
            _ = try registry.run("forward-stats", overrides: [("depthh", "3")])
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("depth, width"))
        }
        do {
            _ = try registry.run("forward-stats", overrides: [("activation", "swish")])
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("tanh, sigmoid, relu"))
        }
        #expect(throws: ExperimentError.self) {
            try registry.run("depth-sweep", overrides: [("activations", "[relu, swish]")])
        }
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
        #expect(
            result.histograms.allSatisfy { $0.group == "activations" && $0.edges.first == -1 && $0.edges.last == 1 })
        #expect(
            result.parameters.map(\.name) == [
                "init", "activation", "slope", "depth", "width", "samples", "seed", "bins", "bias",
            ])
    }

    @Test func glorotStandardVersusNormalisedInit() throws {
        let bound = 1 / 200.0.squareRoot()
        let result = try registry.run(
            "forward-stats",
            overrides: [
                ("init", "[uniform(a=-\(bound), b=\(bound)), xavier-uniform]"), ("samples", "8"), ("depth", "5"),
                ("width", "200"),
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

    /// Every real result has exactly the tables (with their columns in order), series groups and
    /// histogram groups its experiment declares for those values, and no empty table.
    @Test func everyResultMatchesItsDeclaredOutputs() throws {
        let runs =
            Self.smallRuns + [("training", [("epochs", "1"), ("width", "8"), ("depth", "1"), ("dataset", "teacher")])]
        for (name, overrides) in runs {
            let experiment = try registry.experiment(named: name)
            let values = try experiment.resolve(overrides)
            let outputs = experiment.outputs(for: values)
            #expect(!outputs.tables.isEmpty, "\(name) declares its tables")
            let result = try experiment.run(values)
            #expect(outputs.mismatches(in: result) == [], "\(name)")
            for table in result.tables {
                #expect(!table.rows.isEmpty, "\(name).\(table.name)")
                #expect(table.rows.allSatisfy { $0.count == table.columns.count })
            }
        }
        // The declaration follows the values: regression reports the test loss, not accuracy.
        let training = try registry.experiment(named: "training")
        let teacher = training.outputs(for: try training.resolve([("dataset", "teacher")]))
        #expect(teacher.table(named: "summary")?.columns.contains("final_test_loss") == true)
        #expect(teacher.series == ["loss", "test_loss"])
    }

    /// A result that departs from its declaration is reported, table by table and group by group.
    @Test func mismatchesNameWhatDiffers() throws {
        let outputs = ExperimentOutputs(tables: [.init("layers", columns: ["init", "std"])], series: ["std"])
        let conforming = ExperimentResult(
            experiment: "x", parameters: [], tables: [ResultTable(outputs.tables[0])],
            series: [ResultSeries(group: "std", label: "a", xLabel: "l", yLabel: "s", x: [0], y: [1])])
        #expect(outputs.mismatches(in: conforming) == [])
        let renamed = ExperimentResult(
            experiment: "x", parameters: [],
            tables: [ResultTable(name: "layers", columns: ["init", "mean"])], series: [])
        let problems = outputs.mismatches(in: renamed)
        #expect(problems.count == 2)
        #expect(problems.contains { $0.contains("'layers'") && $0.contains("mean") })
        #expect(problems.contains { $0.contains("series groups") })
    }

    /// Defaults are written in canonical form (derived from the typed defaults): each parses and
    /// prints back to the same text, so `workbook list` shows what a run echoes.
    @Test func defaultTextIsCanonical() throws {
        for experiment in registry.experiments {
            for parameter in experiment.parameters {
                let parsed = try parameter.parse(parameter.defaultValue)
                #expect(parsed.canonicalText == parameter.defaultValue, "\(experiment.name).\(parameter.name)")
            }
        }
    }

    /// A malformed list names its problem instead of only the expected form.
    @Test func malformedListsSayWhatIsWrong() {
        #expect(
            throws: ExperimentError.invalidValue(
                parameter: "depths", value: "[2, 4",
                expected: "a list of integers in 1...200, e.g. [5, 10] (unbalanced brackets or parentheses in '[2, 4')")
        ) {
            try registry.run("depth-sweep", overrides: [("depths", "[2, 4")])
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
        let result = try registry.run(
            "training",
            overrides: [
                ("lr", "1e9"), ("epochs", "2"), ("init", "kaiming-normal"),
                ("width", "32"), ("depth", "3"),
            ])
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
        let result = try registry.run(
            "training", overrides: [("dataset", "teacher"), ("epochs", "2"), ("width", "16"), ("depth", "2")])
        #expect(result.table(named: "epochs")?.columns == ["init", "epoch", "train_loss", "test_loss"])
        #expect(Set(result.series.map(\.group)) == ["loss", "test_loss"])
    }

    @Test func orthogonalSpectrumIsFlat() throws {
        let result = try registry.run(
            "spectrum", overrides: [("depths", "[1, 8]"), ("width", "32"), ("init", "orthogonal")])
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
        let decoded = try ResultCoding.decoder().decode(
            ExperimentResult.self, from: ResultCoding.encoder().encode(result))
        #expect(decoded == result)
        let object = try JSONSerialization.jsonObject(with: Data(result.jsonText().utf8)) as? [String: Any]
        #expect(
            Set(object?.keys.map { $0 } ?? []) == [
                "experiment", "parameters", "tables", "series", "histograms", "notes",
            ])
        let tables = object?["tables"] as? [[String: Any]]
        #expect(tables?.compactMap { $0["name"] as? String } == ["layers", "iterations"])
    }
}
