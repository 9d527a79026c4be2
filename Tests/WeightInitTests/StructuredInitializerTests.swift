import Testing
import WeightInit

@Suite("Orthogonal initialisation")
struct OrthogonalTests {
    /// Max |(MᵀM or MMᵀ) − gain²·I| over all entries, computed in Double.
    static func orthogonalityError(_ tensor: Tensor, gain: Double) -> Double {
        let rows = tensor.rows, cols = tensor.columns
        let tall = rows >= cols
        let n = tall ? cols : rows
        var worst = 0.0
        for i in 0..<n {
            for j in i..<n {
                var dot = 0.0
                if tall {
                    for r in 0..<rows { dot += Double(tensor[r, i]) * Double(tensor[r, j]) }
                } else {
                    for c in 0..<cols { dot += Double(tensor[i, c]) * Double(tensor[j, c]) }
                }
                worst = max(worst, abs(dot - (i == j ? gain * gain : 0)))
            }
        }
        return worst
    }

    @Test("WᵀW = gain²·I (tall, square), WWᵀ = gain²·I (wide), conv shapes flattened", arguments: [
        ([200, 50], 1.0), ([128, 128], 1.0), ([60, 240], 1.0), ([64, 16, 3, 3], 5.0 / 3.0), ([8, 16, 3, 3], 2.0.squareRoot()),
    ])
    func orthogonality(shape: [Int], gain: Double) throws {
        let initializer = try OrthogonalInitializer(gain: gain)
        var stream = RandomStream(seed: 17)
        let tensor = try initializer.makeTensor(shape: shape, using: &stream)
        // Float32 storage: entries carry ~6e-8 relative error each, dot products of up to 256 terms.
        #expect(Self.orthogonalityError(tensor, gain: gain) < 1e-5 * gain * gain)
    }

    @Test("the sign fix makes the diagonal of R positive: the first column correlates positively with G's")
    func signFixIsApplied() throws {
        // With Q·diag(sign R), Q = G·R⁻¹ where R has a positive diagonal, so ⟨q₁, g₁⟩ = ‖g₁‖ > 0.
        let shape = [50, 10]
        var draw = RandomStream(seed: 4)
        var gaussian = [Float](repeating: 0, count: 500)
        try NormalDistribution(mean: 0, standardDeviation: 1).fill(&gaussian, using: &draw)
        var stream = RandomStream(seed: 4)
        let tensor = try OrthogonalInitializer().makeTensor(shape: shape, using: &stream)
        var dot = 0.0
        for r in 0..<50 { dot += Double(tensor[r, 0]) * Double(gaussian[r * 10]) }
        var norm = 0.0
        for r in 0..<50 { norm += Double(gaussian[r * 10]) * Double(gaussian[r * 10]) }
        #expect(abs(dot - norm.squareRoot()) < 1e-4 * norm.squareRoot())
    }
}

@Suite("Householder QR")
struct HouseholderQRTests {
    @Test("wide or inconsistent input is an error, not a crash")
    func rejectsBadShapes() {
        #expect(throws: InitializationError.self) { try HouseholderQR(columnMajor: [1, 2, 3, 4, 5, 6], rows: 2, columns: 3) }
        #expect(throws: InitializationError.self) { try HouseholderQR(columnMajor: [1, 2, 3], rows: 2, columns: 2) }
        #expect(throws: InitializationError.self) { try HouseholderQR(columnMajor: [], rows: 0, columns: 0) }
    }

    @Test("Q·diag(R) reproduces A's first column and Q has orthonormal columns")
    func factorises() throws {
        let a: [Double] = [2, 1, 2, 0, 1, 1, 3, 0, 1]  // column-major 3×3
        let qr = try HouseholderQR(columnMajor: a, rows: 3, columns: 3)
        // First column: a₁ = q₁·R₁₁.
        for i in 0..<3 { #expect(abs(qr.q[i] * qr.rDiagonal[0] - a[i]) < 1e-12) }
        for j in 0..<3 {
            for k in 0..<3 {
                let dot = (0..<3).reduce(0.0) { $0 + qr.q[j * 3 + $1] * qr.q[k * 3 + $1] }
                #expect(abs(dot - (j == k ? 1 : 0)) < 1e-12)
            }
        }
    }
}

@Suite("Deterministic initialisers are exact")
struct ExactInitializerTests {
    @Test("zeros, ones, constant")
    func constants() throws {
        var stream = RandomStream(seed: 0)
        #expect(try ConstantInitializer.zeros.makeTensor(shape: [7, 3, 2], using: &stream).scalars.allSatisfy { $0 == 0 })
        #expect(try ConstantInitializer.ones.makeTensor(shape: [4, 5], using: &stream).scalars.allSatisfy { $0 == 1 })
        let constant = try InitializerSpec.parse("constant(value=-0.25)").makeInitializer()
        #expect(try constant.makeTensor(shape: [3, 9], using: &stream).scalars.allSatisfy { $0 == -0.25 })
    }

    @Test("eye is the identity on the leading square block", arguments: [[4, 4], [3, 5], [5, 3]])
    func eye(shape: [Int]) throws {
        var stream = RandomStream(seed: 0)
        let tensor = try EyeInitializer().makeTensor(shape: shape, using: &stream)
        for r in 0..<shape[0] {
            for c in 0..<shape[1] { #expect(tensor[r, c] == (r == c ? 1 : 0)) }
        }
    }

    @Test("dirac puts a 1 at the kernel centre of matching channels")
    func dirac() throws {
        var stream = RandomStream(seed: 0)
        let shape = [4, 2, 3, 5]  // out 4, in 2, kernel 3×5, centre (1, 2)
        let tensor = try DiracInitializer(groups: 2).makeTensor(shape: shape, using: &stream)
        // groups 2 → 2 output channels per group; d < min(2, 2) → ones at (0,0), (1,1), (2,0), (3,1).
        var ones: [[Int]] = []
        for o in 0..<4 { for i in 0..<2 { for h in 0..<3 { for w in 0..<5 {
            if tensor.scalars[((o * 2 + i) * 3 + h) * 5 + w] != 0 { ones.append([o, i, h, w]) }
        } } } }
        #expect(ones == [[0, 0, 1, 2], [1, 1, 1, 2], [2, 0, 1, 2], [3, 1, 1, 2]])
        #expect(tensor.scalars.allSatisfy { $0 == 0 || $0 == 1 })
    }

    @Test("sparse zeroes ⌈sparsity·rows⌉ entries in every column", arguments: [0.0, 0.1, 0.55, 1.0])
    func sparse(sparsity: Double) throws {
        let initializer = try SparseInitializer(sparsity: sparsity, std: 0.5)
        var stream = RandomStream(seed: 8)
        let tensor = try initializer.makeTensor(shape: [40, 30], using: &stream)
        let expected = Int((sparsity * 40).rounded(.up))
        for c in 0..<30 {
            let zeros = (0..<40).filter { tensor[$0, c] == 0 }.count
            #expect(zeros == expected)
        }
    }
}

@Suite("Fans and gains match PyTorch")
struct FansAndGainsTests {
    @Test("fans", arguments: [([256, 512], 512, 256), ([64, 3, 3, 3], 27, 576), ([10, 20, 5], 100, 50), ([1, 1], 1, 1)])
    func fans(shape: [Int], fanIn: Int, fanOut: Int) throws {
        #expect(try Fans(shape: shape) == Fans(fanIn: fanIn, fanOut: fanOut))
    }

    @Test("fewer than two dimensions is an error")
    func fansNeedTwoDimensions() {
        #expect(throws: InitializationError.tooFewDimensions(shape: [5])) { try Fans(shape: [5]) }
    }

    @Test("gains", arguments: [
        ("linear", nil, 1.0), ("conv2d", nil, 1.0), ("sigmoid", nil, 1.0), ("tanh", nil, 5.0 / 3.0),
        ("relu", nil, 2.0.squareRoot()), ("leaky_relu", nil, (2.0 / (1 + 0.0001)).squareRoot()),
        ("leaky_relu", 0.2, (2.0 / 1.04).squareRoot()), ("selu", nil, 0.75), ("conv_transpose3d", nil, 1.0),
    ] as [(String, Double?, Double)])
    func gains(name: String, parameter: Double?, gain: Double) throws {
        #expect(try Nonlinearity(name: name, parameter: parameter).gain == gain)
    }
}
