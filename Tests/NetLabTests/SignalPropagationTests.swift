import NetLab
import Testing
import WeightInit

/// Forward signal propagation at initialisation against theory and the classic examples.
@Suite struct SignalPropagationTests {
    static func stds(_ spec: String, activation: Activation, depth: Int, width: Int, samples: Int) throws -> [Double] {
        var stream = RandomStream(seed: 3)
        let x = GaussianInputs.matrix(rows: samples, columns: width, stream: &stream)
        let network = try MLP(
            MLPConfiguration(
                inputWidth: width, widths: Array(repeating: width, count: depth),
                activation: activation, bias: false, weightInitializers: [spec]),
            stream: RandomStream(seed: 4))
        return LayerStatistics.collect(try network.forward(x)).map(\.activationStd)
    }

    /// Linear: std_L = (σ√width)^L · std₀. Per layer the sample variance of the output has a
    /// relative error of about √(2/width²) (the random weights) + √(2/(samples·width)) (the
    /// finite batch); errors add like a random walk over L layers, and std halves the relative
    /// error of the variance. We allow 5 standard errors.
    @Test func linearStdFollowsClosedForm() throws {
        let width = 128, samples = 64, depth = 8
        let sigma = 1.2 / Double(width).squareRoot()
        let measured = try Self.stds(
            "normal(std=\(sigma))", activation: .linear, depth: depth, width: width, samples: samples)
        let perLayer = (2.0 / Double(width * width)).squareRoot() + (2.0 / Double(samples * width)).squareRoot()
        for layer in 1...depth {
            let expected = Foundation_pow(sigma * Double(width).squareRoot(), layer) * measured[0]
            let tolerance = 5 * (Double(layer).squareRoot() * perLayer / 2)
            #expect(
                abs(measured[layer] / expected - 1) <= tolerance, "layer \(layer): \(measured[layer]) vs \(expected)")
        }
    }

    /// CS231n: 10 tanh layers of 500 units. std 0.01 collapses (factor ≈ 0.01·√500 ≈ 0.22 per
    /// layer, so ≈ 3e-7 at layer 10); Xavier keeps a healthy std.
    @Test func tanhCS231nCollapseVersusXavier() throws {
        let small = try Self.stds("normal(std=0.01)", activation: .tanh, depth: 10, width: 500, samples: 8)
        let xavier = try Self.stds("xavier-normal", activation: .tanh, depth: 10, width: 500, samples: 8)
        #expect(small[10] < 1e-5)
        #expect(xavier[10] > 0.15)
    }

    /// ReLU: kaiming (gain √2) preserves the second moment, xavier halves it every layer
    /// (std × 2^(−1/2) per layer, 2^(−15) ≈ 3e-5 after 30 layers).
    @Test func reluKaimingVersusXavierOverThirtyLayers() throws {
        let kaiming = try Self.stds("kaiming-normal", activation: .relu, depth: 30, width: 256, samples: 16)
        let xavier = try Self.stds("xavier-normal", activation: .relu, depth: 30, width: 256, samples: 16)
        for layer in 1...30 {
            #expect(
                kaiming[layer] < 2 * kaiming[1] && kaiming[layer] > kaiming[1] / 2, "layer \(layer): \(kaiming[layer])")
        }
        #expect(xavier[30] < xavier[1] / 1000)
    }

    /// Products of orthogonal matrices are orthogonal: every singular value is 1.
    @Test func orthogonalLinearProductIsIsometry() throws {
        let width = 48, depth = 12
        let network = try MLP(
            MLPConfiguration(
                inputWidth: width, widths: Array(repeating: width, count: depth),
                activation: .linear, bias: false, weightInitializers: ["orthogonal"]),
            stream: RandomStream(seed: 5))
        var product = [Double](repeating: 0, count: width * width)
        for i in 0..<width { product[i * width + i] = 1 }
        for layer in network.layers {
            var next = [Double](repeating: 0, count: width * width)
            for i in 0..<width {
                for p in 0..<width {
                    let w = Double(layer.weight[i, p])
                    for c in 0..<width { next[i * width + c] += w * product[p * width + c] }
                }
            }
            product = next
        }
        let sigma = SingularValues.of(product, rows: width, columns: width)
        #expect(sigma.count == width)
        for value in sigma { #expect(abs(value - 1) < 1e-4) }
    }

    @Test func singularValuesOfKnownMatrix() {
        // diag(3, 2, 1) rotated: singular values 3, 2, 1.
        let a: [Double] = [0, 3, 0, 2, 0, 0, 0, 0, -1]
        let sigma = SingularValues.of(a, rows: 3, columns: 3)
        #expect(zip(sigma, [3.0, 2, 1]).allSatisfy { abs($0 - $1) < 1e-12 })
    }
}

/// x^n for a non-negative integer n.
func Foundation_pow(_ x: Double, _ n: Int) -> Double {
    (0..<n).reduce(1.0) { value, _ in value * x }
}
