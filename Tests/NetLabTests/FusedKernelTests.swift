import Foundation
import Testing
import WeightInit

@testable import NetLab

/// The fused epilogues (bias, activation, derivative) and the C activations: bit-identical on
/// every kernel path and to the unfused composition.
@Suite struct FusedKernelTests {
    /// Fused (linear, tanh, relu, leaky-relu with either sign of slope) and unfused activations.
    static let activations: [Activation] = [
        .linear, .tanh, .relu, .leakyRelu(slope: 0.1), .leakyRelu(slope: -0.2),
        .leakyRelu(slope: 0), .sigmoid, .selu, .gelu,
    ]

    /// Units in the last place between `value` and the exact `reference`, measured in the ulp of
    /// the reference rounded to Float.
    static func ulps(_ value: Float, _ reference: Double) -> Double {
        let rounded = Float(reference)
        if value == rounded { return 0 }
        return abs(Double(value) - reference) / Double(rounded.ulp == 0 ? Float.leastNonzeroMagnitude : rounded.ulp)
    }

    /// tanh is within 2 ulp of the exact value (the C kernel measured 1.33 ulp over all 2³¹
    /// non-negative floats; here a sweep of 2 million of them and the branch boundary), odd, and
    /// right at the special values.
    @Test func tanhIsAccurateAndOdd() {
        var worst = 0.0
        var bits: UInt32 = 0
        while bits < 0x4120_0000 {  // 0 … 10
            let x = Float(bitPattern: bits)
            let y = Activation.tanhValue(x)
            worst = max(worst, Self.ulps(y, Foundation.tanh(Double(x))))
            #expect(Activation.tanhValue(-x).bitPattern == (-y).bitPattern)
            bits &+= 547
        }
        var x: Float = 0.6
        while x < 0.65 {
            worst = max(worst, Self.ulps(Activation.tanhValue(x), Foundation.tanh(Double(x))))
            x = x.nextUp
        }
        #expect(worst <= 2, "max error \(worst) ulp")
        #expect(Activation.tanhValue(-0.0).bitPattern == (-0.0 as Float).bitPattern)
        #expect(Activation.tanhValue(.infinity) == 1)
        #expect(Activation.tanhValue(-.infinity) == -1)
        #expect(Activation.tanhValue(.nan).isNaN)
        #expect(Activation.tanhValue(20) == 1)
        #expect(Activation.tanhValue(.leastNonzeroMagnitude) == .leastNonzeroMagnitude)
    }

    /// Values exercising every branch of every activation: signed zeros, subnormals, the tanh
    /// branch point, saturation, infinities and NaN.
    static var specialValues: [Float] {
        var values: [Float] = [
            0, -0.0, .leastNonzeroMagnitude, -.leastNonzeroMagnitude, 1e-30, 0.624_999_9, 0.625, -0.625,
            1, -1, 3, 9.1, 9.2, 50, -50, .infinity, -.infinity, .nan, .greatestFiniteMagnitude,
        ]
        var stream = RandomStream(seed: 31)
        var random = [Float](repeating: 0, count: 997)
        (try? NormalDistribution(mean: 0, standardDeviation: 3))?.fill(&random, using: &stream)
        values += random
        return values
    }

    /// apply and backward in bulk, on every path, equal the scalar value and derivative element by
    /// element, bit for bit (NaN stays NaN).
    @Test(arguments: activations)
    func bulkActivationsEqualScalarOnEveryPath(activation: Activation) {
        let x = Self.specialValues
        let h = x.map(activation.value)
        let g = x.map { _ in Float(0.75) }
        let expectedGate = zip(zip(g, x), h).map { $0.0 * activation.derivative($0.1, output: $1) }
        for kernel in KernelISA.supported {
            var y = x
            y.withUnsafeMutableBufferPointer { activation.applyInPlace($0, kernel: kernel) }
            #expect(
                zip(y, h).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) },
                "\(activation) value on \(kernel.rawValue)")
            var gated = g
            gated.withUnsafeMutableBufferPointer { buffer in
                x.withUnsafeBufferPointer { z in
                    h.withUnsafeBufferPointer { h in
                        activation.gateInPlace(
                            buffer, preActivation: z.baseAddress, output: h.baseAddress, kernel: kernel)
                    }
                }
            }
            #expect(
                zip(gated, expectedGate).allSatisfy { $0.bitPattern == $1.bitPattern || ($0.isNaN && $1.isNaN) },
                "\(activation) derivative on \(kernel.rawValue)")
        }
    }

    /// A standard normal matrix from `seed`.
    static func random(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
        MatrixMultiplyTests.random(rows, columns, seed: seed)
    }

    /// A layer's fused forward pass (bias starting the sums, activation on each tile) equals the
    /// sequential FMA sum from the bias followed by the scalar activation, bit for bit, on every
    /// path, for shapes with partial tiles and several blocks of k.
    @Test(arguments: activations)
    func fusedLayerForwardEqualsTheUnfusedComposition(activation: Activation) throws {
        for (m, k, n) in [(37, 131, 45), (64, 64, 128), (200, 300, 10), (130, 500, 65)] {
            let x = Self.random(m, k, seed: 40), w = Self.random(n, k, seed: 41)
            let bias = Self.random(1, n, seed: 42).scalars
            let layer = try DenseLayer(weight: w, bias: bias, activation: activation)
            let z = MatrixMultiplyTests.sequential(x, w.transposed, start: bias)
            let h = z.map(activation.value)
            for kernel in KernelISA.supported {
                let pass = layer.forwardPass(x, keepPreActivation: true, kernel: kernel)
                #expect(
                    pass.z?.scalars.map(\.bitPattern) == z.map(\.bitPattern),
                    "z, \(activation) on \(kernel.rawValue), \(m)×\(k)×\(n)")
                #expect(
                    pass.h.scalars.map(\.bitPattern) == h.map(\.bitPattern),
                    "h, \(activation) on \(kernel.rawValue), \(m)×\(k)×\(n)")
            }
        }
    }

    /// δ·W with the derivative of the previous layer applied on each tile equals the product
    /// followed by g·f′(z, h), bit for bit, on every path.
    @Test(arguments: activations)
    func gatedBackwardProductEqualsTheUnfusedComposition(activation: Activation) {
        let (m, k, n) = (70, 129, 97)
        let delta = Self.random(m, k, seed: 50), w = Self.random(k, n, seed: 51)
        let z = Self.random(m, n, seed: 52)
        let h = Matrix(
            rows: m, columns: n,
            uninitialized: { buffer in
                for (index, value) in z.scalars.enumerated() { buffer[index] = activation.value(value) }
            })
        let product = MatrixMultiplyTests.sequential(delta, w)
        let expected = product.indices.map { product[$0] * activation.derivative(z.scalars[$0], output: h.scalars[$0]) }
        for kernel in KernelISA.supported {
            let gated = MLP.gatedProduct(delta, w, activation: activation, preActivation: z, output: h, kernel: kernel)
            #expect(
                gated.scalars.map(\.bitPattern) == expected.map(\.bitPattern), "\(activation) on \(kernel.rawValue)")
        }
    }
}
