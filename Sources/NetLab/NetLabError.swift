/// Errors raised by NetLab: bad network configurations, mismatched shapes, unknown
/// names. Each message names the offending value and the valid choices.
public enum NetLabError: Error, Equatable, CustomStringConvertible {
    /// Two operands do not fit together.
    case shapeMismatch(operation: String, expected: String, actual: String)
    /// A configuration value is out of range.
    case invalidConfiguration(name: String, value: String, expected: String)
    /// An unknown name (activation, optimiser, data set) with the valid names.
    case unknownName(kind: String, name: String, valid: [String])
    /// An initialiser spec could not be parsed or cannot fill a layer's weight.
    case initializer(spec: String, layer: Int, reason: String)
    /// A data file could not be read (``DatasetKind/load(stream:)``); the message is the file error's.
    case dataFile(DigitsError)

    public var description: String {
        switch self {
        case .shapeMismatch(let operation, let expected, let actual):
            return "shape mismatch in \(operation): expected \(expected), got \(actual)"
        case .invalidConfiguration(let name, let value, let expected):
            return "invalid \(name) '\(value)': expected \(expected)"
        case .unknownName(let kind, let name, let valid):
            return "unknown \(kind) '\(name)'; valid: \(valid.joined(separator: ", "))"
        case .initializer(let spec, let layer, let reason):
            return "initialiser '\(spec)' cannot initialise layer \(layer): \(reason)"
        case .dataFile(let error):
            return error.description
        }
    }
}
