import CKernels

/// The normal distribution N(mean, std²), sampled with the Box–Muller transform.
///
/// Words come in pairs (u₁, u₂) with u₁ = (⌊w₁/2⁸⌋ + 1)·2⁻²⁴ ∈ (0, 1] and u₂ = ⌊w₂/2⁸⌋·2⁻²⁴ ∈ [0, 1);
/// r = √(−2 ln u₁) and θ = 2πu₂ give two independent standard normals r·cos θ and r·sin θ.
/// Box–Muller is exact (no rejection), so each value uses a fixed number of words and fills
/// split across threads. ln, cos and sin are ``VectorMath``'s portable polynomials, so values
/// are bit-identical on every machine. With 24-bit uniforms the largest |z| is √(−2 ln 2⁻²⁴) ≈ 5.77.
///
/// Fills run in the `CKernels` C sampler (`wb_normal_fill`, 16 Philox blocks per vector on
/// AVX-512), which performs exactly the operations of the Swift sampler kept here as the
/// reference (``fillPortable(_:using:)``), so both give the same bits on every path.
public struct NormalDistribution: Sendable, Equatable {
    /// Mean.
    public let mean: Float
    /// Standard deviation (≥ 0).
    public let standardDeviation: Float

    /// N(mean, std²); throws when std < 0 or either is not finite.
    public init(mean: Float, standardDeviation: Float) throws(InitializationError) {
        guard mean.isFinite else {
            throw .invalidArgument(name: "mean", value: "\(mean)", expected: "a finite number")
        }
        guard standardDeviation.isFinite, standardDeviation >= 0 else {
            throw .invalidArgument(name: "std", value: "\(standardDeviation)", expected: "a finite number ≥ 0")
        }
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// N(0, 1): valid by construction, so callers need no `try`.
    package static let standard = NormalDistribution(validMean: 0, standardDeviation: 1)

    /// A distribution whose mean and std are known to be finite, the std ≥ 0.
    private init(validMean mean: Float, standardDeviation: Float) {
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// Two vectors of standard normals from two word vectors (Box–Muller).
    @inline(__always)
    static func boxMuller(_ first: SIMD8<UInt32>, _ second: SIMD8<UInt32>) -> (SIMD8<Float>, SIMD8<Float>) {
        let u1 = SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: first &>> 8) &+ 1) * 0x1p-24
        let radius = (VectorMath.log(u1) * -2).squareRoot()
        let (cosine, sine) = VectorMath.cosSinTwoPi(words: second)
        return (radius * cosine, radius * sine)
    }

    /// Fills `buffer` with independent draws, consuming 8·⌈count/32⌉ blocks of `stream`.
    public func fill(_ buffer: UnsafeMutableBufferPointer<Float>, using stream: inout RandomStream) {
        fill(buffer, using: &stream, kernel: wb_selected_isa())
    }

    /// ``fill(_:using:)`` on the C sampler's `kernel` path (a `WB_ISA_*` code).
    func fill(_ buffer: UnsafeMutableBufferPointer<Float>, using stream: inout RandomStream, kernel: Int32) {
        let count = buffer.count
        guard count > 0 else { return }
        let groups = (count + 31) / 32
        let first = stream.reserveBlocks(groups * 8)
        let streamID = stream.stream, key = stream.key
        let (mean, std) = (self.mean, standardDeviation)
        guard let address = buffer.baseAddress else { return }
        let base = SendablePointer(address)
        ParallelChunks.forEach(count: groups, chunkSize: BlockFill.groupsPerChunk) { range in
            wb_normal_fill(
                kernel, base.pointer, count, first, streamID, key[0], key[1], mean, std,
                range.lowerBound, range.upperBound)
        }
    }

    /// The portable Swift sampler (the reference the C sampler matches bit for bit).
    func fillPortable(_ buffer: UnsafeMutableBufferPointer<Float>, using stream: inout RandomStream) {
        let mean = SIMD8<Float>(repeating: self.mean), std = SIMD8<Float>(repeating: standardDeviation)
        BlockFill.fill(buffer, vectorsPerGroup: 4, using: &stream) { words in
            let (a, b) = NormalDistribution.boxMuller(words.0, words.1)
            let (c, d) = NormalDistribution.boxMuller(words.2, words.3)
            return (a * std + mean, b * std + mean, c * std + mean, d * std + mean)
        }
    }

    /// Fills `values` with independent draws.
    public func fill(_ values: inout [Float], using stream: inout RandomStream) {
        values.withUnsafeMutableBufferPointer { fill($0, using: &stream) }
    }
}
