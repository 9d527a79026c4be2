import Foundation
import Testing
import WeightInit

@testable import NetLab

/// Residual networks, LayerNorm and BatchNorm: exact gradients, variance growth with depth,
/// normalised outputs, identity blocks at initialisation, and training with the optimisers.
@Suite struct ResidualTests {
    // MARK: gradient checks

    /// A small network whose every parameter gets a gradient: tanh (smooth, so central differences
    /// converge), biases, α away from 0 and γ away from 1 so no term vanishes.
    static func smallNetwork(
        _ normalization: Normalization, branch: BranchInit, skip: Bool = true,
        layersPerBlock: Int = 2
    ) throws -> ResidualMLP {
        var net = try ResidualMLP(
            inputWidth: 4, width: 5, blocks: 2, layersPerBlock: layersPerBlock, outputWidth: 3,
            activation: .tanh, initializer: "xavier-normal", branch: branch,
            normalization: normalization, skip: skip, bias: true, seed: 21)
        var stream = RandomStream(seed: 22)
        var arrays = net.parameterArrays()
        for a in arrays.indices {
            var noise = GaussianInputs.matrix(rows: 1, columns: arrays[a].count, stream: &stream).scalars
            for i in noise.indices { noise[i] *= 0.2 }
            for i in arrays[a].indices { arrays[a][i] += noise[i] }  // moves zero weights, α = 0 and γ = 1 away
        }
        net.setParameterArrays(arrays)
        return net
    }

    /// Every parameter's gradient against central differences. Tolerance as in
    /// ``GradientCheckTests``: the loss is computed in Float32 (rounding ≈ 6e-8·|L| per operation),
    /// which a step of ε = 1e-2 turns into an absolute error of about 1e-5 per component, and the
    /// O(ε²) truncation error is about 1e-4 relative; on the whole vector we allow
    /// ‖g_fd − g‖ ≤ 2e-2·‖g_fd‖ + 1e-4.
    static func check(_ net: ResidualMLP) throws {
        var stream = RandomStream(seed: 23)
        let x = GaussianInputs.matrix(rows: 6, columns: 4, stream: &stream)
        let targets = Targets.labels([0, 2, 1, 2, 0, 1])
        let loss = SoftmaxCrossEntropy()
        let trace = try net.forward(x)
        let gradients = try net.backward(
            trace, outputGradient: try loss.evaluate(trace.output, targets: targets).gradient)
        let analytic = net.gradientArrays(gradients).flatMap { $0 }.map(Double.init)
        let parameters = net.parameterArrays()
        let epsilon: Float = 1e-2
        func lossAt(_ arrays: [[Float]]) throws -> Double {
            var copy = net
            copy.setParameterArrays(arrays)
            return try loss.evaluate(try copy.predict(x), targets: targets).value
        }
        var numeric: [Double] = []
        for a in parameters.indices {
            for i in parameters[a].indices {
                var plus = parameters, minus = parameters
                plus[a][i] += epsilon
                minus[a][i] -= epsilon
                numeric.append((try lossAt(plus) - lossAt(minus)) / Double(2 * epsilon))
            }
        }
        #expect(numeric.count == analytic.count)
        let difference = zip(numeric, analytic).reduce(0.0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
        let norm = numeric.reduce(0.0) { $0 + $1 * $1 }.squareRoot()
        #expect(norm > 0)
        #expect(difference <= 2e-2 * norm + 1e-4, "‖g_fd − g‖ = \(difference), ‖g_fd‖ = \(norm)")

        // ∂L/∂input, a few components.
        for index in [0, 9, 23] {
            var plus = x, minus = x
            plus.scalars[index] += epsilon
            minus.scalars[index] -= epsilon
            let fd =
                (try loss.evaluate(try net.predict(plus), targets: targets).value
                    - loss.evaluate(try net.predict(minus), targets: targets).value) / Double(2 * epsilon)
            #expect(abs(fd - Double(gradients.input.scalars[index])) <= 2e-2 * abs(fd) + 1e-4)
        }
    }

    @Test(arguments: Normalization.allCases, [BranchInit.standard, .rezero, .fixup, .zeroLast])
    func gradientsMatchFiniteDifferences(normalization: Normalization, branch: BranchInit) throws {
        try Self.check(try Self.smallNetwork(normalization, branch: branch))
    }

    @Test(arguments: Normalization.allCases)
    func plainAndSingleLayerBlockGradientsMatch(normalization: Normalization) throws {
        try Self.check(try Self.smallNetwork(normalization, branch: .standard, skip: false))
        try Self.check(try Self.smallNetwork(normalization, branch: .rezero, layersPerBlock: 1))
    }

    // MARK: variance with depth

    /// Linear branches F(x) = W x with Var(W) = 1/n (He's rule for a linear layer, gain 1): given
    /// x, E‖x + αWx‖² = (1 + α²)‖x‖² exactly, so E[‖x_L‖²/‖x₀‖²] = (1 + α²)^L over the weights.
    /// The mean ratio over 16 seeds must match within 5 standard errors (of the 16 ratios).
    static func meanSquareRatios(branch: BranchInit, blocks: Int) throws -> [Double] {
        var ratios: [Double] = []
        var stream = RandomStream(seed: 5)
        let x = GaussianInputs.matrix(rows: 64, columns: 128, stream: &stream)
        for seed in 1...16 {
            let net = try ResidualMLP(
                inputWidth: 128, width: 128, blocks: blocks, layersPerBlock: 1, outputWidth: 10,
                activation: .linear, initializer: "lecun-normal", branch: branch, bias: false,
                seed: UInt64(seed))
            let stream = try net.forward(x).stream
            let square = { (m: Matrix) in m.scalars.reduce(0.0) { $0 + Double($1) * Double($1) } }
            ratios.append(square(stream[blocks]) / square(stream[0]))
        }
        return ratios
    }

    static func meanAndStandardError(_ values: [Double]) -> (Double, Double) {
        let mean = values.reduce(0, +) / Double(values.count)
        let variance = values.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / Double(values.count - 1)
        return (mean, (variance / Double(values.count)).squareRoot())
    }

    @Test func unscaledResidualVarianceDoublesPerBlock() throws {
        let blocks = 20
        let (mean, se) = Self.meanAndStandardError(try Self.meanSquareRatios(branch: .standard, blocks: blocks))
        let expected = Foundation.pow(2.0, Double(blocks))
        #expect(abs(mean - expected) <= 5 * se + 1e-9 * expected, "mean \(mean) ± \(se), expected 2^20 = \(expected)")
        #expect(mean > 0.5e6)
    }

    @Test func inverseSqrtDepthKeepsVarianceBounded() throws {
        let blocks = 20
        let (mean, se) = Self.meanAndStandardError(try Self.meanSquareRatios(branch: .inverseSqrtDepth, blocks: blocks))
        let expected = Foundation.pow(1 + 1 / Double(blocks), Double(blocks))  // (1 + 1/L)^L < e
        #expect(abs(mean - expected) <= 5 * se, "mean \(mean) ± \(se), expected (1 + 1/20)^20 = \(expected)")
        #expect(mean < 3)
    }

    // MARK: normalisation

    @Test func layerNormRowsHaveMeanZeroAndVarianceOne() throws {
        var stream = RandomStream(seed: 6)
        var z = GaussianInputs.matrix(rows: 8, columns: 50, stream: &stream)
        for i in z.scalars.indices { z.scalars[i] = 3 * z.scalars[i] + Float(i / 50) }  // row i: N(i, 9)
        let y = try NormLayer(.layer, width: 50).forward(z).output
        for row in 0..<8 {
            let values = y.row(row).map(Double.init)
            let mean = values.reduce(0, +) / 50
            let variance = values.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / 50
            #expect(abs(mean) < 1e-6)
            #expect(abs(variance - 1) < 1e-4)  // σ²/(σ² + 1e-5) with σ² ≈ 9, plus Float rounding
        }
    }

    @Test func batchNormColumnsHaveMeanZeroAndVarianceOne() throws {
        var stream = RandomStream(seed: 7)
        var z = GaussianInputs.matrix(rows: 40, columns: 6, stream: &stream)
        for i in z.scalars.indices { z.scalars[i] = 0.5 * z.scalars[i] - Float(i % 6) }
        let y = try NormLayer(.batch, width: 6).forward(z).output
        for column in 0..<6 {
            let values = (0..<40).map { Double(y[$0, column]) }
            let mean = values.reduce(0, +) / 40
            let variance = values.reduce(0.0) { $0 + ($1 - mean) * ($1 - mean) } / 40
            #expect(abs(mean) < 1e-6)
            #expect(abs(variance - 1) < 1e-3)  // σ²/(σ² + 1e-5) with σ² ≈ 0.25
        }
    }

    // MARK: identity at initialisation

    @Test(arguments: [
        (BranchInit.rezero, Normalization.none), (.rezero, .batch), (.zeroLast, .none),
        (.zeroLast, .batch), (.zeroLast, .layer), (.fixup, .none),
    ])
    func blocksStartAsTheIdentity(branch: BranchInit, normalization: Normalization) throws {
        let net = try ResidualMLP(
            inputWidth: 64, width: 32, blocks: 6, layersPerBlock: 2, outputWidth: 10,
            branch: branch, normalization: normalization, seed: 3)
        let x = Matrix.randomNormal(rows: 20, columns: 64, seed: 4)
        let stream = try net.forward(x).stream
        for l in 1...6 { #expect(stream[l] == stream[0], "block \(l)") }
    }

    @Test func fixupScalesInnerLayersAndZeroesTheLastAndTheHead() throws {
        for m in [2, 3] {
            let blocks = 16
            let plain = try ResidualMLP(
                inputWidth: 8, width: 8, blocks: blocks, layersPerBlock: m, outputWidth: 3, seed: 9)
            let fixup = try ResidualMLP(
                inputWidth: 8, width: 8, blocks: blocks, layersPerBlock: m, outputWidth: 3,
                branch: .fixup, seed: 9)
            let factor = Float(Foundation.pow(Double(blocks), -1 / Double(2 * m - 2)))  // 16^(−1/2), 16^(−1/4)
            #expect(abs(Double(factor) - (m == 2 ? 0.25 : 0.5)) < 1e-7)
            for (p, f) in zip(plain.blocks, fixup.blocks) {
                for k in 0..<(m - 1) {
                    #expect(
                        zip(p.layers[k].weight.scalars, f.layers[k].weight.scalars).allSatisfy { $0 * factor == $1 })
                }
                #expect(f.layers[m - 1].weight.scalars.allSatisfy { $0 == 0 })
                #expect(f.alpha == 1 && f.learnsAlpha)
            }
            #expect(fixup.head.weight.scalars.allSatisfy { $0 == 0 })
            #expect(fixup.stem == plain.stem)
        }
    }

    // MARK: training

    @Test func oneSGDStepSubtractsTheGradient() throws {
        var net = try Self.smallNetwork(.batch, branch: .rezero)
        let x = Matrix.randomNormal(rows: 6, columns: 4, seed: 2)
        let trace = try net.forward(x)
        let g = try net.backward(
            trace,
            outputGradient: try SoftmaxCrossEntropy().evaluate(
                trace.output,
                targets: .labels([0, 1, 2, 0, 1, 2])
            ).gradient)
        let before = net.parameterArrays(), grads = net.gradientArrays(g)
        var sgd: any Optimizer = SGD(learningRate: 0.5)
        try net.update(with: g, optimizer: &sgd)
        for (a, (p, d)) in zip(net.parameterArrays(), zip(before, grads)) {
            #expect(a == zip(p, d).map { $0 - 0.5 * $1 })
        }
    }

    @Test(arguments: OptimizerKind.allCases)
    func residualNetworksTrainOnDigits(kind: OptimizerKind) throws {
        let digits = try DatasetSplit.digits()
        var net = try ResidualMLP(
            inputWidth: 64, width: 32, blocks: 4, outputWidth: 10, branch: .rezero,
            normalization: .layer, seed: 1)
        let before = try net.evaluate(on: digits.train).loss
        let history = try net.train(
            on: digits.train, steps: 120, optimizer: kind,
            learningRate: kind == .adam ? 0.003 : 0.05, seed: 2)
        #expect(history.divergedAt == nil && history.steps == 120)
        let after = try net.evaluate(on: digits.test)
        #expect(try net.evaluate(on: digits.train).loss < 0.7 * before)
        #expect((after.accuracy ?? 0) > 0.5)
    }

    @Test func namesParse() throws {
        #expect(try BranchInit(name: "SkipInit") == .rezero)
        #expect(try BranchInit(name: "inverse_sqrt_depth") == .inverseSqrtDepth)
        #expect(try Normalization(name: "BatchNorm") == .batch)
        #expect(
            throws: NetLabError.unknownName(kind: "normalization", name: "group", valid: ["none", "layer", "batch"])
        ) {
            try Normalization(name: "group")
        }
    }
}
