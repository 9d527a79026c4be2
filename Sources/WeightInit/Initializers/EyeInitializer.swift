/// `eye`: the 2-D identity, PyTorch's `eye_`: W[i][i] = 1 for i < min(rows, cols), 0 elsewhere.
/// Preserves the inputs exactly in linear layers (only for 2-D tensors).
public struct EyeInitializer: WeightInitializer, Equatable {
    /// Creates the initialiser.
    public init() {}

    public var spec: InitializerSpec { InitializerSpec(name: "eye") }

    public func predictedStandardDeviation(for shape: [Int]) throws(InitializationError) -> Double {
        try requireMatrix(shape)
        let n = Double(shape[0] * shape[1]), ones = Double(min(shape[0], shape[1]))
        let mean = ones / n
        return (mean - mean * mean).squareRoot()
    }

    private func requireMatrix(_ shape: [Int]) throws(InitializationError) {
        guard shape.count == 2 else {
            throw .unsupportedShape(initializer: "eye", shape: shape, expected: "exactly 2 dimensions")
        }
    }

    public func fill(_ tensor: inout Tensor, using stream: inout RandomStream) throws(InitializationError) {
        try requireMatrix(tensor.shape)
        let cols = tensor.shape[1]
        for index in tensor.scalars.indices { tensor.scalars[index] = 0 }
        for i in 0..<min(tensor.shape[0], cols) { tensor.scalars[i * cols + i] = 1 }
    }
}

extension EyeInitializer: CatalogedInitializer {
    /// `eye` (alias `identity`).
    public static let catalogEntries: [InitializerCatalog.Entry] = [
        .init(name: "eye", arguments: [], formula: "identity matrix (2-D)") { _ throws(InitializationError) in
            EyeInitializer()
        }
    ]
}
