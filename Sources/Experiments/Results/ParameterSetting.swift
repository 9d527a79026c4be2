/// One parameter and the value it had in a run, as text (`depth` = `10`).
public struct ParameterSetting: Sendable, Equatable, Codable {
    /// Parameter name.
    public var name: String
    /// The value in the same syntax `--set name=value` accepts.
    public var value: String

    /// Creates a setting.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
