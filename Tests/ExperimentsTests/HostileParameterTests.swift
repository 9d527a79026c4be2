import Experiments
import Foundation
import Testing

/// Absurd and hostile parameters through the real catalogue: each is refused with a message
/// naming the bad value and the valid range or choices, or runs to a bounded, reported result.
/// Resource guards refuse combinations that would exhaust memory before anything is allocated.
@Suite("Hostile parameters")
struct HostileParameterTests {
    let registry = ExperimentRegistry.standard

    /// One refused run: the experiment, its overrides and the texts the message must contain.
    struct Refusal: Sendable, CustomTestStringConvertible {
        var experiment: String
        var overrides: [String: String]
        var mentions: [String]
        var testDescription: String {
            "\(experiment) "
                + overrides.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: " ")
        }
    }

    static let refusals: [Refusal] = [
        Refusal(
            experiment: "forward-stats", overrides: ["depth": "100000"], mentions: ["'100000'", "'depth'", "1...200"]),
        Refusal(experiment: "forward-stats", overrides: ["width": "0"], mentions: ["'0'", "'width'", "1...4096"]),
        Refusal(
            experiment: "forward-stats", overrides: ["samples": "-5"], mentions: ["'-5'", "'samples'", "1...100000"]),
        Refusal(
            experiment: "forward-stats", overrides: ["depth": "99999999999999999999"],
            mentions: ["'99999999999999999999'", "1...200"]),
        Refusal(experiment: "forward-stats", overrides: ["depth": "NaN"], mentions: ["'NaN'", "1...200"]),
        Refusal(experiment: "forward-stats", overrides: ["depth": "2.5"], mentions: ["'2.5'", "an integer"]),
        Refusal(
            experiment: "forward-stats", overrides: ["seed": "-1"], mentions: ["'-1'", "'seed'", "0...2147483648"]),
        Refusal(experiment: "forward-stats", overrides: ["slope": "NaN"], mentions: ["'NaN'", "'slope'", "0...1"]),
        Refusal(experiment: "training", overrides: ["lr": "NaN"], mentions: ["'NaN'", "'lr'", "a number in 0..."]),
        Refusal(experiment: "training", overrides: ["lr": "nan"], mentions: ["'nan'", "'lr'"]),
        Refusal(experiment: "training", overrides: ["lr": "inf"], mentions: ["'inf'", "'lr'", "a number in 0..."]),
        Refusal(experiment: "training", overrides: ["lr": "-inf"], mentions: ["'-inf'", "'lr'"]),
        Refusal(experiment: "training", overrides: ["lr": "1e309"], mentions: ["'1e309'", "'lr'"]),
        Refusal(experiment: "training", overrides: ["lr": "-0.1"], mentions: ["'-0.1'", "'lr'"]),
        Refusal(experiment: "lsuv", overrides: ["tolerance": "0"], mentions: ["'0'", "'tolerance'"]),
        Refusal(
            experiment: "forward-stats", overrides: ["init": "[normal(std=0.01), xavier-normal"],
            mentions: ["'[normal(std=0.01), xavier-normal'", "an initialiser spec or a list"]),
        Refusal(
            experiment: "forward-stats", overrides: ["init": "normal(std=0.01"],
            mentions: ["'normal(std=0.01'", "an initialiser spec or a list"]),
        Refusal(
            experiment: "forward-stats", overrides: ["init": "normal(std=0.01))"], mentions: ["'normal(std=0.01))'"]),
        Refusal(
            experiment: "forward-stats", overrides: ["init": "[normal(std=(0.01)]"], mentions: ["normal(std=(0.01)"]),
        Refusal(
            experiment: "forward-stats", overrides: ["init": "[normal(std=0.01), ]"],
            mentions: ["'[normal(std=0.01), ]'"]),
        Refusal(
            experiment: "forward-stats", overrides: ["init": "[]"],
            mentions: ["'[]'", "'init'", "an initialiser spec or a list"]),
        Refusal(experiment: "forward-stats", overrides: ["init": "normal(std=NaN)"], mentions: ["'normal(std=NaN)'"]),
        Refusal(
            experiment: "forward-stats", overrides: ["init": "bogus-init"], mentions: ["bogus-init", "xavier-normal"]),
        Refusal(experiment: "depth-sweep", overrides: ["depths": "[]"], mentions: ["'[]'", "'depths'", "1...200"]),
        Refusal(experiment: "depth-sweep", overrides: ["depths": "[5, 10"], mentions: ["'[5, 10'", "1...200"]),
        Refusal(
            experiment: "depth-sweep", overrides: ["depths": "[5, 100000]"], mentions: ["'[5, 100000]'", "1...200"]),
        Refusal(
            experiment: "depth-sweep", overrides: ["activations": "[]"], mentions: ["'[]'", "'activations'", "relu"]),
        Refusal(experiment: "depth-sweep", overrides: ["activations": "[relu, swish]"], mentions: ["'swish'", "tanh"]),
        Refusal(
            experiment: "training", overrides: ["dataset": "../../etc/passwd"],
            mentions: ["'../../etc/passwd'", "digits, spirals"]),
        Refusal(experiment: "training", overrides: ["optimizer": ""], mentions: ["''", "sgd, momentum, adam"]),
        // Resource bounds: individually valid, together far too large; refused before allocating.
        Refusal(
            experiment: "forward-stats", overrides: ["width": "4096", "samples": "100000", "depth": "200"],
            mentions: ["width=4096", "samples=100000", "depth=200", "GiB", "limit"]),
        Refusal(
            experiment: "backward-stats", overrides: ["width": "4096", "samples": "100000", "depth": "200"],
            mentions: ["width=4096", "samples=100000", "depth=200", "limit"]),
        Refusal(
            experiment: "forward-stats", overrides: ["width": "4096", "samples": "10", "depth": "200"],
            mentions: ["width=4096", "depth=200", "GiB", "limit"]),
        Refusal(
            experiment: "forward-stats", overrides: ["width": "1024", "samples": "1000", "depth": "50"],
            mentions: ["width=1024", "samples=1000", "depth=50", "multiply-adds", "limit"]),
        Refusal(
            experiment: "lsuv", overrides: ["width": "4096", "samples": "100000", "depth": "200"],
            mentions: ["width=4096", "samples=100000", "depth=200", "limit"]),
        Refusal(
            experiment: "training", overrides: ["width": "4096", "depth": "200", "epochs": "1000"],
            mentions: ["width=4096", "depth=200", "epochs=1000", "limit"]),
        Refusal(
            experiment: "symmetry", overrides: ["width": "4096", "depth": "200", "epochs": "1000"],
            mentions: ["width=4096", "depth=200", "epochs=1000", "limit"]),
        Refusal(
            experiment: "depth-sweep", overrides: ["width": "4096", "depths": "[200]", "steps": "100000"],
            mentions: ["width=4096", "deepest=200", "steps=100000", "limit"]),
        Refusal(
            experiment: "spectrum",
            overrides: [
                "width": "512", "depths": "[1, 50, 100, 150, 200]",
                "init":
                    "[orthogonal, orthogonal, orthogonal, orthogonal, orthogonal, orthogonal, orthogonal, orthogonal]",
            ],
            mentions: ["width=512", "deepest=200", "limit"]),
        Refusal(experiment: "spectrum", overrides: ["width": "4096"], mentions: ["4096", "512"]),
    ]

    @Test("hostile values are refused with the value and the valid range", arguments: refusals)
    func refused(_ refusal: Refusal) throws {
        let start = ContinuousClock.now
        do {
            _ = try registry.run(
                refusal.experiment, overrides: refusal.overrides.map { (name: $0.key, value: $0.value) })
            Issue.record("expected an error")
        } catch {
            for text in refusal.mentions {
                #expect(error.description.contains(text), "'\(error)' should mention '\(text)'")
            }
        }
        // Refused before anything large is allocated or computed.
        #expect(ContinuousClock.now - start < .seconds(2))
    }

    @Test("an unknown experiment lists the available ones")
    func unknownExperiment() {
        #expect(throws: ExperimentError.unknownExperiment("nope", available: registry.names)) {
            try registry.run("nope")
        }
        let error = ExperimentError.unknownExperiment("nope", available: registry.names)
        #expect(
            error.description
                == "unknown experiment 'nope'; available: forward-stats, backward-stats, symmetry, training, "
                + "depth-sweep, spectrum, lsuv"
        )
    }

    @Test("an unknown parameter lists the declared ones")
    func unknownParameter() throws {
        do {
            _ = try registry.run("forward-stats", overrides: [("depht", "3")])
            Issue.record("expected an error")
        } catch {
            #expect(
                error.description.contains("'depht'")
                    && error.description.contains("init, activation, slope, depth, width"))
        }
    }

    @Test(
        "lr 1e9 diverges, is reported in the table and notes, and the JSON has no NaN",
        arguments: ["sgd", "momentum", "adam"])
    func hugeLearningRate(_ optimizer: String) throws {
        let result = try registry.run(
            "training",
            overrides: [
                ("lr", "1e9"), ("epochs", "2"), ("width", "16"), ("depth", "2"),
                ("dataset", "spirals"), ("optimizer", optimizer),
            ])
        let summary = try #require(result.table(named: "summary"))
        for row in summary.rows {
            // Either the run diverged (reported with its step) or, as Adam's normalised steps can keep
            // every number finite, it ends with a finite (huge) loss: never a NaN.
            switch row[3] {
            case .integer(let step):
                #expect(step >= 1)
                #expect(result.notes.contains { $0.contains("diverged at step \(step)") })
                #expect(row[1] == .missing)
            default:
                #expect(row[1].doubleValue?.isFinite == true, "\(optimizer): \(row)")
            }
        }
        if optimizer == "sgd" { #expect(summary.rows.allSatisfy { if case .integer = $0[3] { true } else { false } }) }
        let json = String(decoding: try ResultCoding.encoder().encode(result), as: UTF8.self)
        for bad in ["NaN", "nan", "Infinity", "inf"] {
            #expect(!json.contains(bad), "\(optimizer): JSON contains \(bad)")
        }
        #expect(!result.csvText().contains("nan"))
    }

    @Test("lr 1e12 in depth-sweep and symmetry gives a bounded, reported result")
    func hugeLearningRateElsewhere() throws {
        let sweep = try registry.run(
            "depth-sweep",
            overrides: [("lr", "1e12"), ("depths", "[2]"), ("width", "16"), ("samples", "64"), ("steps", "4")])
        #expect(sweep.notes.contains { $0.contains("diverged at step") })
        // tanh saturates, so symmetry's loss may stay finite (huge) rather than diverge: bounded either way.
        let symmetry = try registry.run(
            "symmetry", overrides: [("lr", "1e12"), ("epochs", "2"), ("init", "normal(std=0.1)")])
        #expect(symmetry.series.allSatisfy { $0.y.allSatisfy(\.isFinite) || $0.divergedAt != nil })
        for result in [sweep, symmetry] {
            let json = String(decoding: try ResultCoding.encoder().encode(result), as: UTF8.self)
            #expect(!json.contains("NaN") && !json.contains("nan"))
        }
    }

    @Test("the defaults and the smallest valid values run")
    func smallestValuesRun() throws {
        let result = try registry.run(
            "forward-stats", overrides: [("width", "1"), ("samples", "1"), ("depth", "1"), ("bins", "1")])
        #expect(result.table(named: "layers")?.rows.count == 6)
        let json = String(decoding: try ResultCoding.encoder().encode(result), as: UTF8.self)
        #expect(!json.contains("NaN") && !json.contains("nan"))
    }
}
