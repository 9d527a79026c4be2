import WeightInit

/// One `key: value` line of a directive block, with its file line.
struct BlockField: Sendable, Equatable {
    /// The key before the colon.
    var key: String
    /// The trimmed text after the colon.
    var value: String
    /// The file line.
    var line: Int
}
