import ArgumentParser
import WeightInit

/// A tensor shape on the command line, `--shape 256x512` or `--shape 64x3x3x3`: positive extents joined
/// by `x`, in PyTorch layout [out, in, k…]. Parsed and validated by ``Tensor/parseShape(_:)``, whose
/// errors name the bad dimension (`8x0`, `8x-1`, `8xa`, `8x`).
struct ShapeArgument: Equatable, Sendable, ExplainedArgument {
    /// The extents, each ≥ 1, at most 2³¹ elements in all.
    let dimensions: [Int]

    /// Parses `AxBx…`, throwing ``InitializationError`` naming the bad dimension.
    init(parsing text: String) throws(InitializationError) {
        dimensions = try Tensor.parseShape(text)
    }
}
