import WeightInit

extension MLP {
    /// A network in one line, as `nn.Sequential` of `nn.Linear` layers in PyTorch:
    /// `sizes[0]` inputs, then one layer per following size.
    ///
    /// ```swift
    /// let net = try MLP(sizes: [500, 500, 500, 500], activation: .tanh, initializer: "xavier-normal", seed: 1)
    /// let classifier = try MLP(sizes: [64, 128, 10], activation: .relu, outputActivation: .linear,
    ///                          initializer: "kaiming-normal", seed: 1)
    /// ```
    /// Every layer uses `activation` except the last, which uses `outputActivation` (default: the
    /// same). Weights come from `initializer` (an initialiser spec such as `"normal(std=0.01)"` or
    /// `"kaiming-normal(mode=fan_out)"`), biases (when `bias`) start at zero. Layer l draws from
    /// substream l − 1 of `RandomStream(seed: seed)`, so the same seed gives the same network.
    public init(
        sizes: [Int], activation: Activation, outputActivation: Activation? = nil, initializer: String,
        bias: Bool = false, seed: UInt64 = 1
    ) throws(NetLabError) {
        guard let inputWidth = sizes.first, sizes.count >= 2 else {
            throw .invalidConfiguration(
                name: "sizes", value: "\(sizes)",
                expected: "an input size and at least one layer size, e.g. [64, 128, 10]")
        }
        let configuration = MLPConfiguration(
            inputWidth: inputWidth, widths: Array(sizes.dropFirst()), activation: activation,
            outputActivation: outputActivation, bias: bias, weightInitializers: [initializer])
        try self.init(configuration, stream: RandomStream(seed: seed))
    }

    /// The statistics of every layer's output for one batch: `layerStatistics(x)[l]` describes hₗ
    /// (l = 0 is the input), with its mean and std over all samples and units.
    public func layerStatistics(_ input: Matrix) throws(NetLabError) -> [LayerStatistics] {
        LayerStatistics.collect(try forward(input))
    }
}

extension Matrix {
    /// A `rows × columns` batch of independent N(0, 1) values from `RandomStream(seed: seed)`:
    /// PyTorch's `torch.randn(rows, columns)` with a fixed seed.
    public static func randomNormal(rows: Int, columns: Int, seed: UInt64) -> Matrix {
        var stream = RandomStream(seed: seed)
        return GaussianInputs.matrix(rows: rows, columns: columns, stream: &stream)
    }
}
