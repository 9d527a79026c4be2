/// A named experiment: typed parameters in, a typed ``ExperimentResult`` out.
///
/// Implementations are deterministic: the same ``ParameterValues`` (which include
/// the seed) give a bit-identical result on every machine.
public protocol Experiment: Sendable {
    /// The registry name, kebab-case (e.g. `forward-stats`).
    var name: String { get }
    /// One line saying what the experiment measures.
    var summary: String { get }
    /// Every parameter with its default and allowed values.
    var parameters: [ExperimentParameter] { get }
    /// Runs the experiment with fully resolved values.
    func run(_ values: ParameterValues) throws -> ExperimentResult
}
