/// A dense, row-major Float32 matrix: the activations of a mini-batch (`rows` = samples,
/// `columns` = features) or a weight in PyTorch layout `[out_features, in_features]`.
///
/// Element (i, j) is stored at `scalars[i · columns + j]`.
public struct Matrix: Sendable, Equatable {
    /// Number of rows.
    public let rows: Int
    /// Number of columns.
    public let columns: Int
    /// The elements in row-major order; `scalars.count == rows · columns`.
    public var scalars: [Float]

    /// A `rows × columns` matrix filled with `value`; negative extents are treated as 0.
    public init(rows: Int, columns: Int, repeating value: Float = 0) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        self.scalars = [Float](repeating: value, count: self.rows * self.columns)
    }

    /// A `rows × columns` matrix whose elements `body` writes, every one of them, into the
    /// uninitialised buffer it is given (no zero fill first); negative extents are treated as 0.
    init(rows: Int, columns: Int, uninitialized body: (UnsafeMutableBufferPointer<Float>) -> Void) {
        self.rows = max(0, rows)
        self.columns = max(0, columns)
        let count = self.rows * self.columns
        self.scalars = [Float](unsafeUninitializedCapacity: count) { buffer, initialized in
            body(buffer)
            initialized = count
        }
    }

    /// A matrix wrapping `scalars`; throws unless `scalars.count == rows · columns`.
    public init(rows: Int, columns: Int, scalars: [Float]) throws(NetLabError) {
        guard rows >= 0, columns >= 0, scalars.count == rows * columns else {
            throw .shapeMismatch(
                operation: "Matrix(rows:columns:scalars:)",
                expected: "\(max(0, rows) * max(0, columns)) values for \(rows)×\(columns)",
                actual: "\(scalars.count) values")
        }
        self.rows = rows
        self.columns = columns
        self.scalars = scalars
    }

    /// Element (`row`, `column`).
    @inlinable
    public subscript(row: Int, column: Int) -> Float {
        get { scalars[row * columns + column] }
        set { scalars[row * columns + column] = newValue }
    }

    /// Number of elements.
    public var count: Int { scalars.count }

    /// The transpose Mᵀ (`columns × rows`).
    public var transposed: Matrix {
        var result = Matrix(rows: columns, columns: rows)
        let n = columns, m = rows
        scalars.withUnsafeBufferPointer { source in
            result.scalars.withUnsafeMutableBufferPointer { target in
                // Blocked so both reads and writes stay in cache.
                let block = 32
                for i0 in stride(from: 0, to: m, by: block) {
                    for j0 in stride(from: 0, to: n, by: block) {
                        for i in i0..<min(m, i0 + block) {
                            for j in j0..<min(n, j0 + block) {
                                target[j * m + i] = source[i * n + j]
                            }
                        }
                    }
                }
            }
        }
        return result
    }

    /// The rows listed in `indices`, in that order (a mini-batch gather).
    public func gatherRows(_ indices: some Collection<Int>) -> Matrix {
        var result = Matrix(rows: indices.count, columns: columns)
        let n = columns
        scalars.withUnsafeBufferPointer { source in
            result.scalars.withUnsafeMutableBufferPointer { target in
                for (r, index) in indices.enumerated() {
                    for j in 0..<n { target[r * n + j] = source[index * n + j] }
                }
            }
        }
        return result
    }

    /// Row `index` as an array.
    public func row(_ index: Int) -> [Float] {
        Array(scalars[(index * columns)..<((index + 1) * columns)])
    }

    /// True when every element is finite (no NaN, no ±∞).
    public var isFinite: Bool {
        scalars.withUnsafeBufferPointer { buffer in
            for value in buffer where !value.isFinite { return false }
            return true
        }
    }
}
