/// Vectorised elementary functions for the samplers, written with plain IEEE additions and
/// multiplications (no fused multiply-add, no platform libm), so every machine computes
/// bit-identical results. Coefficients are the Cephes single-precision minimax polynomials
/// (S. L. Moshier); errors are about 1 ulp over the ranges the samplers use.
enum VectorMath {
    typealias Vector = SIMD8<Float>

    /// Natural logarithm of positive, finite, normal `x`.
    ///
    /// x = m·2ᵉ with m ∈ [√½, √2); ln x = e·ln 2 + ln(1 + f), f = m − 1, with ln(1 + f) =
    /// f − f²/2 + f³·P(f) (Cephes `logf`).
    @inline(__always)
    static func log(_ x: Vector) -> Vector {
        let bits = unsafeBitCast(x, to: SIMD8<Int32>.self)
        var exponent = (bits &>> 23) &- 126
        var mantissa = unsafeBitCast((bits & 0x007F_FFFF) | 0x3F00_0000, to: Vector.self)  // m ∈ [0.5, 1)
        // Where m < √½: e −= 1 and m *= 2 (as m + m, exact), selected with bit masks (−1 or 0 per lane).
        let small = unsafeBitCast(mantissa .< Vector(repeating: 0.707106781186547524), to: SIMD8<Int32>.self)
        exponent &+= small
        mantissa += unsafeBitCast(unsafeBitCast(mantissa, to: SIMD8<Int32>.self) & small, to: Vector.self)
        let f = mantissa - 1
        let z = f * f
        var p = Vector(repeating: 7.0376836292e-2)
        p = p * f + Vector(repeating: -1.1514610310e-1)
        p = p * f + Vector(repeating: 1.1676998740e-1)
        p = p * f + Vector(repeating: -1.2420140846e-1)
        p = p * f + Vector(repeating: 1.4249322787e-1)
        p = p * f + Vector(repeating: -1.6668057665e-1)
        p = p * f + Vector(repeating: 2.0000714765e-1)
        p = p * f + Vector(repeating: -2.4999993993e-1)
        p = p * f + Vector(repeating: 3.3333331174e-1)
        let e = Vector(exponent)
        var y = p * f * z
        y = y + e * Vector(repeating: -2.12194440e-4)
        y = y - z * 0.5
        return f + y + e * Vector(repeating: 0.693359375)
    }

    /// cos(2πu) and sin(2πu) for the 24-bit uniforms u = ⌊w/2⁸⌋·2⁻²⁴ of `words`.
    ///
    /// The reduction is exact and done in integers: with t = ⌊w/2⁸⌋, the quadrant is
    /// q = ⌊(t + 2²¹)/2²²⌋ (the nearest multiple of ¼ to u) and r = (t − q·2²²)·2⁻²⁴ ∈ [−⅛, ⅛),
    /// so a = 2πr ∈ [−π/4, π/4); sin a and cos a use the Cephes `sinf`/`cosf` polynomials and
    /// the quadrant q rotates the pair.
    @inline(__always)
    static func cosSinTwoPi(words: SIMD8<UInt32>) -> (cos: Vector, sin: Vector) {
        let t = words &>> 8
        let q = (t &+ (1 << 21)) &>> 22
        let residual = SIMD8<Int32>(truncatingIfNeeded: t) &- SIMD8<Int32>(truncatingIfNeeded: q &<< 22)
        let a = Vector(residual) * Vector(repeating: 6.28318530717958647692 * 0x1p-24)
        let z = a * a
        var s = Vector(repeating: -1.9515295891e-4)
        s = s * z + Vector(repeating: 8.3321608736e-3)
        s = s * z + Vector(repeating: -1.6666654611e-1)
        s = s * z * a + a
        var c = Vector(repeating: 2.443315711809948e-5)
        c = c * z + Vector(repeating: -1.388731625493765e-3)
        c = c * z + Vector(repeating: 4.166664568298827e-2)
        c = c * z * z - z * 0.5 + 1
        // Quadrant rotation with bit operations: odd quadrants swap (c, s); cos is negated in
        // quadrants 1 and 2, sin in quadrants 2 and 3.
        let quadrant = q & 3
        let swap = SIMD8<UInt32>(repeating: 0) &- (quadrant & 1)
        let cBits = unsafeBitCast(c, to: SIMD8<UInt32>.self), sBits = unsafeBitCast(s, to: SIMD8<UInt32>.self)
        let cosSign = ((quadrant &+ 1) & 2) &<< 30, sinSign = (quadrant & 2) &<< 30
        let cosine = ((cBits & ~swap) | (sBits & swap)) ^ cosSign
        let sine = ((sBits & ~swap) | (cBits & swap)) ^ sinSign
        return (unsafeBitCast(cosine, to: Vector.self), unsafeBitCast(sine, to: Vector.self))
    }
}
