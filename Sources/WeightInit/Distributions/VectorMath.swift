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
        let small = mantissa .< Vector(repeating: 0.707106781186547524)
        exponent = exponent.replacing(with: exponent &- 1, where: unsafeBitCast(small, to: SIMDMask<SIMD8<Int32>>.self))
        mantissa = mantissa.replacing(with: mantissa + mantissa, where: small)
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

    /// cos(2πu) and sin(2πu) for u ∈ [0, 1].
    ///
    /// The reduction is exact: q = round(4u), r = u − q/4 ∈ [−⅛, ⅛] (both exact in binary),
    /// a = 2πr ∈ [−π/4, π/4]; sin a and cos a use the Cephes `sinf`/`cosf` polynomials and
    /// the quadrant q rotates the pair.
    @inline(__always)
    static func cosSinTwoPi(_ u: Vector) -> (cos: Vector, sin: Vector) {
        let quadrant = (u * 4).rounded(.toNearestOrEven)
        let r = u - quadrant * 0.25
        let a = r * Vector(repeating: 6.28318530717958647692)
        let z = a * a
        var s = Vector(repeating: -1.9515295891e-4)
        s = s * z + Vector(repeating: 8.3321608736e-3)
        s = s * z + Vector(repeating: -1.6666654611e-1)
        s = s * z * a + a
        var c = Vector(repeating: 2.443315711809948e-5)
        c = c * z + Vector(repeating: -1.388731625493765e-3)
        c = c * z + Vector(repeating: 4.166664568298827e-2)
        c = c * z * z - z * 0.5 + 1
        let q = SIMD8<Int32>(quadrant) & 3
        let one = q .== 1, two = q .== 2, three = q .== 3
        var cosine = c, sine = s
        cosine.replace(with: -s, where: one)
        sine.replace(with: c, where: one)
        cosine.replace(with: -c, where: two)
        sine.replace(with: -s, where: two)
        cosine.replace(with: s, where: three)
        sine.replace(with: -c, where: three)
        return (cosine, sine)
    }
}
