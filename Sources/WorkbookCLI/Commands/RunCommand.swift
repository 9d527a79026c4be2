import ArgumentParser
import Benchmarks
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

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Override a parameter: --set name=value (repeatable).", valueName: "name=value"),
        transform: ParameterOverride.init(parsing:))
    var settings: [ParameterOverride] = []

    @Option(help: "Output format: text, json or csv.")
    var format: Format = .text

    @Flag(
        help:
            ArgumentHelp(
                "Print when main began, arguments were parsed, the result was ready and the output written "
                    + "(CLOCK_MONOTONIC seconds, JSON) to stderr.")
    )
    var timings = false

    func run() throws {
        let parsed = ProcessPhases.now()
        let result = try ExperimentRegistry.standard.run(experiment, overrides: settings.map { ($0.name, $0.value) })
        let ready = ProcessPhases.now()
        let text: String
        switch format {
        case .text: text = result.plainText()
        case .csv: text = result.csvText()
        case .json: text = result.jsonText()
        }
        FileHandle.standardOutput.write(Data(text.utf8))
        if timings {
            let line = ProcessPhases.report(
                main: ProcessStart.mainEntered, parsed: parsed, result: ready, written: ProcessPhases.now())
            FileHandle.standardError.write(Data((line + "\n").utf8))
        }
    }
}
