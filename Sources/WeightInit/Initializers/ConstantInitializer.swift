/// Fills every element with one value: `zeros` (0), `ones` (1) or `constant(value)`
/// (PyTorch's `zeros_`, `ones_`, `constant_`). Variance 0: every unit in a layer starts
/// identical, so gradient descent cannot tell them apart (the symmetry problem).
public struct ConstantInitializer: WeightInitializer, Equatable {
    /// The value written to every element.
    public let value: Float
    /// The spec name: `zeros`, `ones` or `constant`.
    public let name: String

    /// `zeros`.
    public static let zeros = ConstantInitializer(uncheckedValue: 0, name: "zeros")
    /// `ones`.
    public static let ones = ConstantInitializer(uncheckedValue: 1, name: "ones")

    /// `constant(value)`; throws when `value` is not finite.
    public init(value: Float) throws(InitializationError) {
        guard value.isFinite else {
            throw .invalidArgument(name: "value", value: "\(value)", expected: "a finite number")
        }
        self.init(uncheckedValue: value, name: "constant")
    }

    private init(uncheckedValue: Float, name: String) {
        self.value = uncheckedValue
        self.name = name
    }

    public var spec: InitializerSpec {
        name == "constant"
            ? InitializerSpec(name: name, arguments: [("value", SpecNumber.text(value))])
            : InitializerSpec(name: name)
    }

    public func fill(_ tensor: inout Tensor, using stream: inout RandomStream) throws(InitializationError) {
        for index in tensor.scalars.indices { tensor.scalars[index] = value }
    }

    public func predictedStandardDeviation(for shape: [Int]) throws(InitializationError) -> Double { 0 }
}

extension ConstantInitializer: CatalogedInitializer {
    /// `zeros`, `ones` and `constant(value)`.
    public static let catalogEntries: [InitializerCatalog.Entry] = [
        .init(name: "zeros", arguments: [], formula: "W = 0") { _ throws(InitializationError) in
            ConstantInitializer.zeros
        },
        .init(name: "ones", arguments: [], formula: "W = 1") { _ throws(InitializationError) in ConstantInitializer.ones
        },
        .init(name: "constant", arguments: [("value", nil)], formula: "W = value") {
            arguments throws(InitializationError) in
            try ConstantInitializer(value: Float(arguments.number("value")))
        },
    ]
}
