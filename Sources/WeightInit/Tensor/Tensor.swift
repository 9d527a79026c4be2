/// A dense, row-major Float32 tensor. Weight shapes follow PyTorch's layout
/// `[out_features, in_features]` for linear layers and `[out, in, k₁, k₂, …]` for convolutions.
public struct Tensor: Sendable, Equatable {
    /// The extent of each dimension; every extent is positive.
    public let shape: [Int]
    /// The elements in row-major (C) order; `scalars.count == shape.product`.
    public var scalars: [Float]

    /// A tensor of `shape` filled with `value`. Throws when a dimension is ≤ 0 or the shape is empty.
    public init(shape: [Int], repeating value: Float = 0) throws(InitializationError) {
        try Tensor.validate(shape)
        self.shape = shape
        self.scalars = [Float](repeating: value, count: shape.reduce(1, *))
    }

    /// A tensor wrapping `scalars`; their count must equal the product of `shape`.
    public init(shape: [Int], scalars: [Float]) throws(InitializationError) {
        try Tensor.validate(shape)
        guard scalars.count == shape.reduce(1, *) else {
            throw .shapeMismatch(shape: shape, count: scalars.count)
        }
        self.shape = shape
        self.scalars = scalars
    }

    /// Number of elements.
    public var count: Int { scalars.count }

    /// Number of rows (`shape[0]`) when viewed as a matrix.
    public var rows: Int { shape[0] }

    /// Number of columns when the trailing dimensions are flattened (`count / shape[0]`).
    public var columns: Int { shape.count > 1 ? count / shape[0] : 1 }

    /// Element at a 2-D position (`row`, `column`) of the flattened matrix view.
    public subscript(row: Int, column: Int) -> Float {
        get { scalars[row * columns + column] }
        set { scalars[row * columns + column] = newValue }
    }

    /// The shape as text, e.g. `256x512`.
    public var shapeDescription: String {
        shape.map(String.init).joined(separator: "x")
    }

    /// Parses a shape such as `256x512` or `64x3x3x3`; every extent must be a positive integer. Errors name
    /// the bad dimension: ``InitializationError/invalidDimension(_:shape:)`` for one that is not an integer
    /// (`8xa`, `8x`), ``InitializationError/nonPositiveDimension(_:shape:)`` for zero or negative ones.
    public static func parseShape(_ text: String) throws(InitializationError) -> [Int] {
        let parts = text.split(separator: "x", omittingEmptySubsequences: false)
        var shape: [Int] = []
        for part in parts {
            guard let extent = Int(part) else { throw .invalidDimension(String(part), shape: text) }
            shape.append(extent)
        }
        try validate(shape)
        return shape
    }

    /// Throws unless `shape` is non-empty with every extent positive and at most 2³¹ elements.
    static func validate(_ shape: [Int]) throws(InitializationError) {
        guard !shape.isEmpty else { throw .invalidShape("[]") }
        for extent in shape where extent <= 0 {
            throw .nonPositiveDimension(extent, shape: shape)
        }
        var total = 1
        for extent in shape {
            let (product, overflow) = total.multipliedReportingOverflow(by: extent)
            guard !overflow, product <= 1 << 31 else { throw .tooLarge(shape: shape) }
            total = product
        }
    }
}
