/// What a network is trained to produce: class labels (classification) or target values (regression).
public enum Targets: Sendable, Equatable {
    /// One class index per sample, in 0..<classes.
    case labels([Int])
    /// One row of target values per sample.
    case values(Matrix)

    /// Number of samples.
    public var count: Int {
        switch self {
        case .labels(let labels): return labels.count
        case .values(let values): return values.rows
        }
    }

    /// The targets of the samples at `indices`, in that order.
    public func gather(_ indices: some Collection<Int>) -> Targets {
        switch self {
        case .labels(let labels): return .labels(indices.map { labels[$0] })
        case .values(let values): return .values(values.gatherRows(indices))
        }
    }
}
