import WeightInit

/// What ``ResidualMLP/train(on:steps:batchSize:optimizer:learningRate:seed:)`` recorded.
public struct ResidualHistory: Sendable, Equatable {
    /// The mini-batch loss of every step taken, in order.
    public var losses: [Double] = []
    /// The 1-based step at which the loss, a gradient or a parameter became non-finite (training
    /// stops there), or nil.
    public var divergedAt: Int?
    /// Steps taken.
    public var steps: Int { losses.count }
}
