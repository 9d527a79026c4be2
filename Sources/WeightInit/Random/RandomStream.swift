/// A seeded, deterministic stream of random numbers built on ``Philox4x32``.
///
/// The stream's state is a 64-bit seed (the Philox key), a 64-bit stream id and a
/// 64-bit offset counting the 4-word blocks already used. Block *i* of a stream is
/// `Philox4x32(counter: (i_lo, i_hi, stream_lo, stream_hi), key: (seed_lo, seed_hi))`.
///
/// A fill reserves whole groups of eight consecutive blocks (32 words); value *v* of a
/// one-word-per-value fill is word *(v mod 32)/8* of block *offset + 8⌊v/32⌋ + v mod 8*
/// (eight blocks are computed at once in SIMD lanes). The values depend only on the seed
/// and the position, never on how many threads computed them or on the build mode.
///
/// Why Philox rather than a sequential generator (PCG, xoshiro): it is splittable
/// for free (no jump-ahead), it passes BigCrush, and it is what PyTorch's CUDA
/// backend and JAX use, so the ideas carry over.
public struct RandomStream: RandomNumberGenerator, Sendable, Equatable {
    /// The seed (the Philox key).
    public let seed: UInt64
    /// The stream id (the upper half of the Philox counter).
    public let stream: UInt64
    /// The number of 4-word blocks already consumed.
    public private(set) var offset: UInt64

    /// A stream with `seed`, stream id `stream` (default 0), starting at block 0.
    public init(seed: UInt64, stream: UInt64 = 0) {
        self.seed = seed
        self.stream = stream
        self.offset = 0
    }

    /// The Philox key for this seed.
    @inlinable
    public var key: SIMD2<UInt32> {
        SIMD2(UInt32(truncatingIfNeeded: seed), UInt32(truncatingIfNeeded: seed >> 32))
    }

    /// The four words of block `index` of this stream (no state change).
    @inlinable
    public func block(at index: UInt64) -> SIMD4<UInt32> {
        Philox4x32.block(
            counter: SIMD4(
                UInt32(truncatingIfNeeded: index), UInt32(truncatingIfNeeded: index >> 32),
                UInt32(truncatingIfNeeded: stream), UInt32(truncatingIfNeeded: stream >> 32)),
            key: key)
    }

    /// Reserves `count` blocks and returns the index of the first.
    public mutating func reserveBlocks(_ count: Int) -> UInt64 {
        let start = offset
        offset &+= UInt64(max(0, count))
        return start
    }

    /// An independent stream with the same seed and stream id derived from `index`
    /// (for example one per layer or per experiment repetition).
    public func substream(_ index: UInt64) -> RandomStream {
        // SplitMix64 finaliser: distinct inputs give well-separated stream ids.
        var z = stream &+ 0x9E37_79B9_7F4A_7C15 &* (index &+ 1)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return RandomStream(seed: seed, stream: z ^ (z >> 31))
    }

    /// The next 64 random bits (uses one block; words 0 and 1).
    public mutating func next() -> UInt64 {
        let words = block(at: reserveBlocks(1))
        return UInt64(words[0]) | (UInt64(words[1]) << 32)
    }

    /// A uniform Float in [0, 1) with 24 random bits.
    @inlinable
    public static func unitFloat(_ word: UInt32) -> Float {
        Float(word >> 8) * 0x1p-24
    }

    /// A uniform Double in [0, 1) with 53 random bits from two words.
    @inlinable
    public static func unitDouble(_ high: UInt32, _ low: UInt32) -> Double {
        let bits = (UInt64(high) << 21) ^ (UInt64(low) >> 11)
        return Double(bits & ((1 << 53) - 1)) * 0x1p-53
    }
}
