/// Fan-in and fan-out of a weight tensor, computed exactly as PyTorch's
/// `torch.nn.init._calculate_fan_in_and_fan_out`:
///
/// - receptive field = product of `shape[2...]` (1 for a matrix),
/// - fan_in  = `shape[1]` × receptive field,
/// - fan_out = `shape[0]` × receptive field.
public struct Fans: Sendable, Equatable {
    /// Number of inputs feeding each output unit.
    public let fanIn: Int
    /// Number of outputs each input unit feeds.
    public let fanOut: Int

    /// Creates fans from explicit values.
    public init(fanIn: Int, fanOut: Int) {
        self.fanIn = fanIn
        self.fanOut = fanOut
    }

    /// Fans of a weight of `shape`. Throws for fewer than two dimensions, as PyTorch does.
    public init(shape: [Int]) throws(InitializationError) {
        guard shape.count >= 2 else { throw .tooFewDimensions(shape: shape) }
        let receptiveField = shape.dropFirst(2).reduce(1, *)
        self.fanIn = shape[1] * receptiveField
        self.fanOut = shape[0] * receptiveField
    }

    /// The fan selected by `mode`.
    public func value(for mode: FanMode) -> Int {
        switch mode {
        case .fanIn: return fanIn
        case .fanOut: return fanOut
        }
    }
}

extension String {
    /// The string with `-` replaced by `_` (names accept either).
    func replacingHyphens() -> String {
        String(map { $0 == "-" ? "_" : $0 })
    }
}
