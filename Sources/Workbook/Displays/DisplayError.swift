import Experiments

/// Why a display spec could not be parsed (the caller adds the file and line).
struct DisplayError: Error, Equatable, CustomStringConvertible {
    /// What is wrong and what would be right.
    var description: String

    /// A parse error with `message`.
    init(_ message: String) {
        description = message
    }
}
