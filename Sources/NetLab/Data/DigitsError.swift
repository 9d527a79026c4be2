/// Errors reading a digits CSV file; each names the file and, for content errors, the 1-based line.
public enum DigitsError: Error, Equatable, CustomStringConvertible {
    /// The file could not be read.
    case unreadable(file: String, reason: String)
    /// A line has the wrong number of fields or a bad value.
    case malformedLine(file: String, line: Int, reason: String)
    /// The file has no samples.
    case empty(file: String)
    /// The bundled copy is missing from the module's resources.
    case missingResource(name: String)

    public var description: String {
        switch self {
        case .unreadable(let file, let reason): return "\(file): cannot read: \(reason)"
        case .malformedLine(let file, let line, let reason): return "\(file):\(line): \(reason)"
        case .empty(let file): return "\(file): no samples; expected 65 comma-separated integers per line"
        case .missingResource(let name): return "resource '\(name)' is missing from the NetLab bundle"
        }
    }
}
