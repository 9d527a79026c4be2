/// An initialiser: a rule that fills a weight tensor, named and parameterised as in
/// PyTorch's `torch.nn.init`.
public protocol WeightInitializer: Sendable {
    /// The canonical spec (name and arguments) that recreates this initialiser.
    var spec: InitializerSpec { get }

    /// Overwrites every element of `tensor`, drawing random numbers from `stream`.
    /// Throws when the shape is not supported (e.g. `eye` on a 4-D tensor).
    func fill(_ tensor: inout Tensor, using stream: inout RandomStream) throws(InitializationError)

    /// The standard deviation of the elements the formula predicts for `shape`
    /// (for orthogonal: the root mean square gain/√max(rows, cols)).
    func predictedStandardDeviation(for shape: [Int]) throws(InitializationError) -> Double
}

extension WeightInitializer {
    /// A new tensor of `shape` filled by this initialiser.
    public func makeTensor(shape: [Int], using stream: inout RandomStream) throws(InitializationError) -> Tensor {
        var tensor = try Tensor(shape: shape)
        try fill(&tensor, using: &stream)
        return tensor
    }
}
