import NetLab

/// Errors raised while resolving or running an experiment; each message names the
/// bad value and the valid choices.
public enum ExperimentError: Error, Equatable, CustomStringConvertible {
    /// No experiment has this name.
    case unknownExperiment(String, available: [String])
    /// The experiment has no parameter of this name.
    case unknownParameter(experiment: String, name: String, available: [String])
    /// A parameter value could not be parsed or is out of range.
    case invalidValue(parameter: String, value: String, expected: String)
    /// The experiment could not run with these (individually valid) values.
    case invalidCombination(String)
    /// The network or its data could not be built, loaded, run or trained with these values (NetLab's error,
    /// kept whole).
    case network(NetLabError)

    public var description: String {
        switch self {
        case .unknownExperiment(let name, let available):
            return "unknown experiment '\(name)'; available: \(available.joined(separator: ", "))"
        case .unknownParameter(let experiment, let name, let available):
            return
                "experiment '\(experiment)' has no parameter '\(name)'; parameters: "
                + "\(available.joined(separator: ", "))"
        case .invalidValue(let parameter, let value, let expected):
            return "invalid value '\(value)' for parameter '\(parameter)': expected \(expected)"
        case .invalidCombination(let message):
            return message
        case .network(let error):
            return error.description
        }
    }

    /// Runs a NetLab computation, keeping its error as ``network(_:)``.
    static func network<T>(_ body: () throws(NetLabError) -> T) throws(ExperimentError) -> T {
        do throws(NetLabError) {
            return try body()
        } catch {
            throw .network(error)
        }
    }
}
