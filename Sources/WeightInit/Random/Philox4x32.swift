/// The Philox4x32-10 counter-based generator (Salmon et al. 2011, "Parallel random
/// numbers: as easy as 1, 2, 3"), the generator PyTorch's CUDA path and JAX use.
///
/// A block is a pure function of a 128-bit counter and a 64-bit key: ten rounds of
/// two 32×32→64-bit multiplications and xors. Because block *i* does not depend on
/// block *i − 1*, any slice of a long random sequence can be computed directly, by
/// any thread, and always gives the same values.
public enum Philox4x32 {
    /// Round multipliers from the Random123 reference.
    static let multiplier0: UInt32 = 0xD251_1F53
    static let multiplier1: UInt32 = 0xCD9E_8D57
    /// Weyl key increments (golden ratio and √3 − 1, scaled to 32 bits).
    static let weyl0: UInt32 = 0x9E37_79B9
    static let weyl1: UInt32 = 0xBB67_AE85

    /// The four 32-bit outputs for `counter` under `key` (ten rounds).
    @inlinable
    public static func block(counter: SIMD4<UInt32>, key: SIMD2<UInt32>) -> SIMD4<UInt32> {
        var c0 = counter[0], c1 = counter[1], c2 = counter[2], c3 = counter[3]
        var k0 = key[0], k1 = key[1]
        for round in 0..<10 {
            if round > 0 {
                k0 &+= 0x9E37_79B9
                k1 &+= 0xBB67_AE85
            }
            let product0 = UInt64(0xD251_1F53) &* UInt64(c0)
            let product1 = UInt64(0xCD9E_8D57) &* UInt64(c2)
            let hi0 = UInt32(truncatingIfNeeded: product0 >> 32), lo0 = UInt32(truncatingIfNeeded: product0)
            let hi1 = UInt32(truncatingIfNeeded: product1 >> 32), lo1 = UInt32(truncatingIfNeeded: product1)
            c0 = hi1 ^ c1 ^ k0
            c1 = lo1
            c2 = hi0 ^ c3 ^ k1
            c3 = lo0
        }
        return SIMD4(c0, c1, c2, c3)
    }

    /// Eight blocks at once: lane *j* of the result vectors is the block for counter
    /// (`low + j`, `high`, `stream0`, `stream1`) where the 64-bit index is split into two
    /// 32-bit words. Identical to eight calls of ``block(counter:key:)``; vectorised.
    @inlinable
    public static func blocks8(
        index: UInt64, stream: UInt64, key: SIMD2<UInt32>
    )
        -> (SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>)
    {
        var indices = SIMD8<UInt64>(repeating: index)
        indices &+= SIMD8<UInt64>(0, 1, 2, 3, 4, 5, 6, 7)
        var c0 = SIMD8<UInt32>(truncatingIfNeeded: indices)
        var c1 = SIMD8<UInt32>(truncatingIfNeeded: indices &>> 32)
        var c2 = SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: stream))
        var c3 = SIMD8<UInt32>(repeating: UInt32(truncatingIfNeeded: stream >> 32))
        var k0 = key[0], k1 = key[1]
        let m0 = SIMD8<UInt64>(repeating: 0xD251_1F53)
        let m1 = SIMD8<UInt64>(repeating: 0xCD9E_8D57)
        for round in 0..<10 {
            if round > 0 {
                k0 &+= 0x9E37_79B9
                k1 &+= 0xBB67_AE85
            }
            let product0 = m0 &* SIMD8<UInt64>(truncatingIfNeeded: c0)
            let product1 = m1 &* SIMD8<UInt64>(truncatingIfNeeded: c2)
            let hi0 = SIMD8<UInt32>(truncatingIfNeeded: product0 &>> 32)
            let lo0 = SIMD8<UInt32>(truncatingIfNeeded: product0)
            let hi1 = SIMD8<UInt32>(truncatingIfNeeded: product1 &>> 32)
            let lo1 = SIMD8<UInt32>(truncatingIfNeeded: product1)
            c0 = hi1 ^ c1 ^ SIMD8(repeating: k0)
            c1 = lo1
            c2 = hi0 ^ c3 ^ SIMD8(repeating: k1)
            c3 = lo0
        }
        return (c0, c1, c2, c3)
    }
}
