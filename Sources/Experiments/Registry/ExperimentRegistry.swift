/// The catalogue of named experiments, looked up by name from the CLI and from chapters.
public struct ExperimentRegistry: Sendable {
    /// The experiments, in the order `workbook list` shows them.
    public let experiments: [any Experiment]

    /// Creates a registry from a list of experiments (names must be unique).
    public init(_ experiments: [any Experiment]) {
        self.experiments = experiments
    }

    /// Every experiment name, in order.
    public var names: [String] { experiments.map(\.name) }

    /// The experiment called `name`, or an error listing the available names.
    public func experiment(named name: String) throws(ExperimentError) -> any Experiment {
        guard let found = experiments.first(where: { $0.name == name }) else {
            throw .unknownExperiment(name, available: names)
        }
        return found
    }

    /// Resolves and runs experiment `name` with `overrides`.
    public func run(
        _ name: String, overrides: [(name: String, value: String)] = []
    ) throws(ExperimentError)
        -> ExperimentResult
    {
        let experiment = try experiment(named: name)
        let values = try experiment.resolve(overrides)
        return try experiment.run(values)
    }
}
