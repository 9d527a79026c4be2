/// Errors raised by tensors, fans, gains, initialisers and the spec parser. Each
/// message names the bad value and what would have been valid.
public enum InitializationError: Error, Equatable, CustomStringConvertible {
    /// A dimension is zero or negative.
    case nonPositiveDimension(Int, shape: [Int])
    /// The shape text could not be parsed.
    case invalidShape(String)
    /// A dimension of the shape text (`8xa`, `8x`) is not an integer: the dimension as written, then the text.
    case invalidDimension(String, shape: String)
    /// The tensor would exceed 2³¹ elements.
    case tooLarge(shape: [Int])
    /// The scalar count does not match the shape.
    case shapeMismatch(shape: [Int], count: Int)
    /// Fans need at least two dimensions.
    case tooFewDimensions(shape: [Int])
    /// The initialiser needs a specific number of dimensions.
    case unsupportedShape(initializer: String, shape: [Int], expected: String)
    /// An argument value is out of range or malformed.
    case invalidArgument(name: String, value: String, expected: String)
    /// The initialiser has no argument of this name.
    case unknownArgument(initializer: String, name: String, valid: [String])
    /// No initialiser has this name.
    case unknownInitializer(String, valid: [String])
    /// No nonlinearity has this name.
    case unknownNonlinearity(String, valid: [String])
    /// The spec text is malformed at the given token.
    case malformedSpec(String, token: String, reason: String)
    /// A tensor file's name has no extension of a supported format: the name, then the valid extensions.
    case unsupportedFileFormat(String, valid: [String])

    public var description: String {
        func shapeText(_ shape: [Int]) -> String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }
        switch self {
        case .nonPositiveDimension(let extent, let shape):
            return "dimension \(extent) in shape \(shapeText(shape)) is not positive; every dimension must be ≥ 1"
        case .invalidShape(let text):
            return "invalid shape '\(text)'; expected positive integers separated by 'x', e.g. 256x512 or 64x3x3x3"
        case .invalidDimension(let dimension, let text):
            let problem =
                text.isEmpty
                ? "the shape is empty"
                : dimension.isEmpty
                    ? "a dimension is empty"
                    : dimension.allSatisfy({ $0.isASCII && $0.isNumber })
                        ? "dimension '\(dimension)' is too large"
                        : "dimension '\(dimension)' is not an integer"
            return "invalid shape '\(text)': \(problem); "
                + "expected positive integers separated by 'x', e.g. 256x512 or 64x3x3x3"
        case .tooLarge(let shape):
            return "shape \(shapeText(shape)) has more than 2^31 elements"
        case .shapeMismatch(let shape, let count):
            return "\(count) values do not fill shape \(shapeText(shape))"
        case .tooFewDimensions(let shape):
            return "fan in and fan out cannot be computed for shape \(shapeText(shape)): it needs at least 2 dimensions"
        case .unsupportedShape(let initializer, let shape, let expected):
            return "\(initializer) cannot fill shape \(shapeText(shape)): it needs \(expected)"
        case .invalidArgument(let name, let value, let expected):
            return "invalid \(name) '\(value)': expected \(expected)"
        case .unknownArgument(let initializer, let name, let valid):
            let list = valid.isEmpty ? "it takes no arguments" : "valid: " + valid.joined(separator: ", ")
            return "\(initializer) has no argument '\(name)'; \(list)"
        case .unknownInitializer(let name, let valid):
            return "unknown initialiser '\(name)'; valid: " + valid.joined(separator: ", ")
        case .unknownNonlinearity(let name, let valid):
            return "unknown nonlinearity '\(name)'; valid: " + valid.joined(separator: ", ")
        case .malformedSpec(let text, let token, let reason):
            return "malformed initialiser spec '\(text)' at '\(token)': \(reason)"
        case .unsupportedFileFormat(let name, let valid):
            let list = valid.map { "." + $0 }
            let choices =
                list.count > 1
                ? list.dropLast().joined(separator: ", ") + " or " + (list.last ?? "") : list.joined()
            return "unsupported output '\(name)': use a \(choices) file name"
        }
    }
}
