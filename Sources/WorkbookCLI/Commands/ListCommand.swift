import ArgumentParser
import Experiments

/// `workbook list`: every registered experiment with its summary and parameters.
struct ListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "List the experiments with their parameters, defaults and allowed values."
    )

    func run() throws {
        var first = true
        for experiment in ExperimentRegistry.standard.experiments {
            if !first { print("") }
            first = false
            print("\(experiment.name) — \(experiment.summary)")
            let nameWidth = experiment.parameters.map(\.name.count).max() ?? 0
            for parameter in experiment.parameters {
                let padding = String(repeating: " ", count: nameWidth - parameter.name.count)
                print(
                    "  \(parameter.name)\(padding)  default \(parameter.defaultValue); "
                        + "\(parameter.kind.allowedDescription). \(parameter.summary)"
                )
            }
        }
    }
}
