import Experiments

/// A parameter a cell declared: its name, the value used and the default written in the chapter.
public struct CellParameter: Codable, Sendable, Equatable {
    /// The name used in `--set ID.NAME=VALUE`.
    public var name: String
    /// The value used in this run, in `--set` syntax.
    public var value: String
    /// The default, in `--set` syntax.
    public var defaultValue: String
    /// One line of help (may be empty).
    public var help: String

    /// Creates a parameter description.
    public init(name: String, value: String, defaultValue: String, help: String) {
        self.name = name
        self.value = value
        self.defaultValue = defaultValue
        self.help = help
    }
}
