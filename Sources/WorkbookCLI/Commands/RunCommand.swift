import ArgumentParser
import Experiments
import Foundation

/// `workbook run EXPERIMENT [--set key=value]... [--format text|json|csv]`.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run an experiment and print its tables (text), the full result (json) or the tables (csv).",
        discussion: """
        Experiments: \(ExperimentRegistry.standard.names.joined(separator: ", ")) (see `workbook list`).
        Example: workbook run forward-stats --set 'init=[normal(std=0.01), xavier-normal]' --set depth=10
        """
    )

    /// Output formats.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case text, json, csv
    }

    @Argument(help: "The experiment name, e.g. forward-stats.")
    var experiment: String

    @Option(name: .customLong("set"), help: "Override a parameter: --set name=value (repeatable).")
    var settings: [String] = []

    @Option(help: "Output format: text, json or csv.")
    var format: Format = .text

    func run() throws {
        var overrides: [(name: String, value: String)] = []
        for setting in settings {
            guard let equals = setting.firstIndex(of: "=") else {
                throw ValidationError("--set '\(setting)' must have the form name=value")
            }
            let name = setting[..<equals].trimmingCharacters(in: .whitespaces)
            overrides.append((name, String(setting[setting.index(after: equals)...])))
        }
        let result = try ExperimentRegistry.standard.run(experiment, overrides: overrides)
        switch format {
        case .text: print(result.plainText(), terminator: "")
        case .csv: print(result.csvText(), terminator: "")
        case .json:
            let data = try result.jsonData()
            print(String(decoding: data, as: UTF8.self))
        }
    }
}
