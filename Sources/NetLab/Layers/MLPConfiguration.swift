/// The shape and initialisation of a multilayer perceptron.
///
/// Layer l (1-based) maps `widths[l−2]` (or `inputWidth` for l = 1) to `widths[l−1]`
/// units; hidden layers use ``activation`` and the last layer ``outputActivation``
/// (nil = the same as hidden layers, as in the forward-statistics experiments; `.linear`
/// for a classifier or regression head).
public struct MLPConfiguration: Sendable, Equatable {
    /// Number of input features.
    public var inputWidth: Int
    /// The output width of every layer, in order; `widths.count` is the depth.
    public var widths: [Int]
    /// The hidden-layer nonlinearity.
    public var activation: Activation
    /// The last layer's nonlinearity (nil: same as ``activation``).
    public var outputActivation: Activation?
    /// Whether layers have a bias vector.
    public var bias: Bool
    /// Weight initialiser specs: one for every layer, or one per layer.
    public var weightInitializers: [String]
    /// The bias initialiser spec (default `zeros`).
    public var biasInitializer: String

    /// Creates a configuration.
    public init(
        inputWidth: Int, widths: [Int], activation: Activation, outputActivation: Activation? = nil,
        bias: Bool = true, weightInitializers: [String], biasInitializer: String = "zeros"
    ) {
        self.inputWidth = inputWidth
        self.widths = widths
        self.activation = activation
        self.outputActivation = outputActivation
        self.bias = bias
        self.weightInitializers = weightInitializers
        self.biasInitializer = biasInitializer
    }

    /// `depth` hidden layers of `width` units (all with `activation`) followed, when
    /// `outputWidth` is given, by a linear head of `outputWidth` units.
    public static func uniform(
        inputWidth: Int, width: Int, depth: Int, outputWidth: Int?, activation: Activation,
        bias: Bool, initializer: String
    ) -> MLPConfiguration {
        var widths = [Int](repeating: width, count: max(0, depth))
        if let outputWidth { widths.append(outputWidth) }
        return MLPConfiguration(
            inputWidth: inputWidth, widths: widths, activation: activation,
            outputActivation: outputWidth == nil ? nil : .linear,
            bias: bias, weightInitializers: [initializer])
    }

    /// Number of layers.
    public var depth: Int { widths.count }

    /// The weight spec of layer `index` (0-based).
    public func weightInitializer(layer index: Int) -> String {
        weightInitializers.count == 1 ? weightInitializers[0] : weightInitializers[index]
    }

    /// Throws when a width is not positive or the initialiser list does not fit the depth.
    public func validate() throws(NetLabError) {
        guard inputWidth > 0 else {
            throw .invalidConfiguration(name: "inputWidth", value: "\(inputWidth)", expected: "a positive integer")
        }
        guard !widths.isEmpty else {
            throw .invalidConfiguration(name: "widths", value: "[]", expected: "at least one layer")
        }
        if let bad = widths.first(where: { $0 <= 0 }) {
            throw .invalidConfiguration(name: "width", value: "\(bad)", expected: "a positive integer")
        }
        guard weightInitializers.count == 1 || weightInitializers.count == widths.count else {
            throw .invalidConfiguration(
                name: "weightInitializers", value: "\(weightInitializers.count) specs",
                expected: "1 spec or one per layer (\(widths.count))")
        }
    }
}
