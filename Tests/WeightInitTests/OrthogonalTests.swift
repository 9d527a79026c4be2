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

    @Test(
        "WᵀW = gain²·I (tall, square), WWᵀ = gain²·I (wide), conv shapes flattened",
        arguments: [
            ([200, 50], 1.0), ([128, 128], 1.0), ([60, 240], 1.0), ([64, 16, 3, 3], 5.0 / 3.0),
            ([8, 16, 3, 3], 2.0.squareRoot()),
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
