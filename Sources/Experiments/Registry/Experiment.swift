/// A named experiment: typed parameters in, a typed ``ExperimentResult`` out.
///
/// Implementations are deterministic: the same ``ParameterValues`` (which include
/// the seed) give a bit-identical result on every machine. A new experiment is one file
/// conforming to this protocol plus one line in ``ExperimentRegistry/standard``.
public protocol Experiment: Sendable {
    /// The registry name, kebab-case (e.g. `forward-stats`).
    var name: String { get }
    /// One line saying what the experiment measures.
    var summary: String { get }
    /// Every parameter with its default and allowed values (typically `Parameter` keys'
    /// declarations).
    var parameters: [ExperimentParameter] { get }
    /// The tables, series groups and histogram groups a run with `values` returns.
    func outputs(for values: ParameterValues) -> ExperimentOutputs
    /// Runs the experiment with fully resolved values.
    func run(_ values: ParameterValues) throws(ExperimentError) -> ExperimentResult
}
