/// `dirac(groups)`: the convolution identity, PyTorch's `dirac_`, for 3-, 4- and 5-D weights
/// `[out, in, k…]`. Within each of `groups` groups of out/groups output channels, channel d
/// gets a 1 at input channel d and the centre tap of the kernel (index k/2 in each spatial
/// dimension), for d < min(out/groups, in); every other element is 0.
public struct DiracInitializer: WeightInitializer, Equatable {
    /// Number of channel groups; must divide shape[0].
    public let groups: Int

    /// Throws when groups < 1.
    public init(groups: Int = 1) throws(InitializationError) {
        guard groups >= 1 else {
            throw .invalidArgument(name: "groups", value: "\(groups)", expected: "an integer ≥ 1")
        }
        self.groups = groups
    }

    public var spec: InitializerSpec {
        InitializerCatalog.spec("dirac", omittingDefaults: [("groups", String(groups))])
    }

    private func validate(_ shape: [Int]) throws(InitializationError) {
        guard (3...5).contains(shape.count) else {
            throw .unsupportedShape(initializer: "dirac", shape: shape, expected: "3, 4 or 5 dimensions")
        }
        guard shape[0] % groups == 0 else {
            throw .invalidArgument(
                name: "groups", value: "\(groups)", expected: "a divisor of dimension 0 (\(shape[0]))")
        }
    }

    public func predictedStandardDeviation(for shape: [Int]) throws(InitializationError) -> Double {
        try validate(shape)
        let ones = Double(groups * min(shape[0] / groups, shape[1]))
        let mean = ones / Double(shape.reduce(1, *))
        return (mean - mean * mean).squareRoot()
    }

    public func fill(_ tensor: inout Tensor, using stream: inout RandomStream) throws(InitializationError) {
        let shape = tensor.shape
        try validate(shape)
        for index in tensor.scalars.indices { tensor.scalars[index] = 0 }
        let kernel = Array(shape.dropFirst(2))
        var centre = 0
        for extent in kernel { centre = centre * extent + extent / 2 }
        let kernelSize = kernel.reduce(1, *)
        let perGroup = shape[0] / groups
        for group in 0..<groups {
            for d in 0..<min(perGroup, shape[1]) {
                let out = group * perGroup + d
                tensor.scalars[(out * shape[1] + d) * kernelSize + centre] = 1
            }
        }
    }
}

extension DiracInitializer: CatalogedInitializer {
    /// `dirac(groups=1)`.
    public static let catalogEntries: [InitializerCatalog.Entry] = [
        .init(name: "dirac", arguments: [("groups", "1")], formula: "convolution identity (3-5-D)") {
            arguments throws(InitializationError) in try DiracInitializer(groups: arguments.integer("groups"))
        }
    ]
}
