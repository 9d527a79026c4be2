import Dispatch
import NetLab
import Testing
import WeightInit

/// Tests of the deterministic SIMD matrix-multiply kernel.
@Suite struct MatrixMultiplyTests {
    /// A matrix with standard normal entries from `seed`.
    static func random(_ rows: Int, _ columns: Int, seed: UInt64) -> Matrix {
        var stream = RandomStream(seed: seed)
        var values = [Float](repeating: 0, count: rows * columns)
        (try? NormalDistribution(mean: 0, standardDeviation: 1))?.fill(&values, using: &stream)
        return (try? Matrix(rows: rows, columns: columns, scalars: values)) ?? Matrix(rows: rows, columns: columns)
    }

    /// c_ij = Σ_p a_ip·b_pj in Double.
    static func reference(_ a: Matrix, _ b: Matrix) -> [Double] {
        var c = [Double](repeating: 0, count: a.rows * b.columns)
        for i in 0..<a.rows {
            for p in 0..<a.columns {
                let aip = Double(a[i, p])
                for j in 0..<b.columns { c[i * b.columns + j] += aip * Double(b[p, j]) }
            }
        }
        return c
    }

    /// Float32 error bound for a k-term dot product: |ĉ − c| ≤ γ_k Σ|a||b| with γ_k ≈ k·2⁻²⁴.
    static func check(_ c: Matrix, against a: Matrix, _ b: Matrix) {
        let expected = reference(a, b)
        let k = Double(a.columns)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                var magnitude = 0.0
                for p in 0..<a.columns { magnitude += abs(Double(a[i, p]) * Double(b[p, j])) }
                let tolerance = 1.01 * k * 0x1p-24 * magnitude + 1e-30
                #expect(abs(Double(c[i, j]) - expected[i * b.columns + j]) <= tolerance)
            }
        }
    }

    @Test(arguments: [(1, 1, 1), (3, 5, 7), (4, 8, 8), (37, 19, 45), (70, 33, 17)])
    func productMatchesDoubleReference(shape: (Int, Int, Int)) throws {
        let (m, k, n) = shape
        let a = Self.random(m, k, seed: 1), b = Self.random(k, n, seed: 2)
        Self.check(try MatrixMultiply.product(a, b), against: a, b)
        Self.check(try MatrixMultiply.productTransposedA(a.transposed, b), against: a, b)
        Self.check(try MatrixMultiply.productTransposedB(a, b.transposed), against: a, b)
    }

    @Test func largeProductIsBitIdenticalAcrossRunsAndVariants() throws {
        let a = Self.random(300, 200, seed: 3), b = Self.random(200, 150, seed: 4)
        let first = try MatrixMultiply.product(a, b)
        let second = try MatrixMultiply.product(a, b)
        #expect(first.scalars == second.scalars)
        // The transposed variants sum in the same order, so they agree bit for bit.
        #expect(try MatrixMultiply.productTransposedA(a.transposed, b).scalars == first.scalars)
        #expect(try MatrixMultiply.productTransposedB(a, b.transposed).scalars == first.scalars)
        Self.check(first, against: a, b)
    }

    /// The contract in scalar form: c_ij = fma(a_i,k−1, b_k−1,j, … fma(a_i0, b_0j, s_j)) in
    /// ascending k, one correctly rounded fused multiply-add per step (`addingProduct`), from
    /// s_j = `start[j]` (default +0).
    static func sequential(_ a: Matrix, _ b: Matrix, start: [Float]? = nil) -> [Float] {
        var c = [Float](repeating: 0, count: a.rows * b.columns)
        for i in 0..<a.rows {
            for j in 0..<b.columns {
                var sum: Float = start?[j] ?? 0
                for p in 0..<a.columns {
                    sum = sum.addingProduct(a[i, p], b[p, j])
                }
                c[i * b.columns + j] = sum
            }
        }
        return c
    }

    /// Checks all three variants on every kernel path this CPU supports against the sequential sum.
    static func expectBitIdentical(_ a: Matrix, _ b: Matrix, _ comment: Comment? = nil) throws {
        let expected = Self.sequential(a, b).map(\.bitPattern)
        let aT = a.transposed, bT = b.transposed
        for kernel in KernelISA.supported {
            #expect(
                try MatrixMultiply.product(a, b, kernel: kernel).scalars.map(\.bitPattern) == expected,
                "A·B on \(kernel.rawValue) \(comment?.rawValue ?? "")")
            #expect(
                try MatrixMultiply.productTransposedA(aT, b, kernel: kernel).scalars.map(\.bitPattern) == expected,
                "Aᵀ·B on \(kernel.rawValue) \(comment?.rawValue ?? "")")
            #expect(
                try MatrixMultiply.productTransposedB(a, bT, kernel: kernel).scalars.map(\.bitPattern) == expected,
                "A·Bᵀ on \(kernel.rawValue) \(comment?.rawValue ?? "")")
        }
    }

    /// Every variant on every supported ISA path (scalar C, SSE2, AVX2, AVX-512) equals the
    /// sequential sum bit for bit, on odd shapes that exercise partial tiles (rows and columns,
    /// for tiles up to 8 × 32), several blocks of k, an empty k, B read in place with a packed
    /// partial panel, serial runs longer than one block of packed rows and both the serial and the
    /// parallel path (row splits of several sizes); signed zeros included.
    @Test(arguments: [
        (1, 1, 1), (5, 3, 7), (6, 9, 9), (13, 1, 17), (3, 0, 5), (37, 300, 45), (97, 257, 71),
        (130, 64, 129), (49, 129, 33), (200, 131, 250),
        (100, 7, 9), (131, 13, 70), (64, 128, 128), (64, 128, 10), (8, 32, 32), (9, 33, 31),
        (1000, 72, 65), (300, 500, 96),
    ])
    func everyVariantIsBitIdenticalToTheSequentialSum(shape: (Int, Int, Int)) throws {
        let (m, k, n) = shape
        var a = Self.random(m, k, seed: 7), b = Self.random(k, n, seed: 8)
        if k > 0 {
            a.scalars[0] = -0.0
            b.scalars[b.count - 1] = -0.0
        }
        try Self.expectBitIdentical(a, b, "\(m)×\(k)·\(k)×\(n)")
    }

    /// Products of signed zeros: 0 + (−0·x) is +0, so an all-(−0) A gives +0 everywhere, on every path.
    @Test func signedZerosSumFromPositiveZero() throws {
        let a = Matrix(rows: 13, columns: 70, repeating: -0.0)
        var b = Self.random(70, 37, seed: 9)
        b.scalars[5] = -0.0
        try Self.expectBitIdentical(a, b)
        for kernel in KernelISA.supported {
            let c = try MatrixMultiply.product(a, b, kernel: kernel)
            #expect(c.scalars.allSatisfy { $0.bitPattern == 0 })
        }
    }

    /// The benchmark shape, 1000×500·500×500, on every supported path.
    @Test func benchmarkShapeIsBitIdenticalOnEveryPath() throws {
        #if DEBUG
        let (m, k, n) = (100, 50, 50)  // the scalar reference is slow unoptimised
        #else
        let (m, k, n) = (1000, 500, 500)
        #endif
        try Self.expectBitIdentical(Self.random(m, k, seed: 10), Self.random(k, n, seed: 11), "benchmark shape")
    }

    /// The paths: scalar always runs, the default is supported, and an unsupported request
    /// falls back instead of trapping.
    @Test func kernelPaths() throws {
        #expect(KernelISA.supported.contains(.scalar))
        #expect(KernelISA.selected.isSupported)
        #expect(KernelISA.best.isSupported)
        #if arch(x86_64)
        #expect(KernelISA.supported.contains(.sse2))
        #endif
        let a = Self.random(9, 11, seed: 12), b = Self.random(11, 40, seed: 13)
        let expected = Self.sequential(a, b).map(\.bitPattern)
        for kernel in KernelISA.allCases {
            #expect(try MatrixMultiply.product(a, b, kernel: kernel).scalars.map(\.bitPattern) == expected)
        }
        print(
            "matrix-multiply kernel paths on this CPU: \(KernelISA.supported.map(\.rawValue)), default "
                + "\(KernelISA.selected.rawValue)"
        )
    }

    @Test func mismatchedShapesThrow() {
        #expect(throws: NetLabError.self) {
            try MatrixMultiply.product(Matrix(rows: 2, columns: 3), Matrix(rows: 2, columns: 3))
        }
    }

    @Test func throughput() throws {
        #if DEBUG
        let (m, k, n) = (100, 50, 50)  // debug builds only check that the path runs
        #else
        let (m, k, n) = (1000, 500, 500)
        #endif
        let a = Self.random(m, k, seed: 5), b = Self.random(k, n, seed: 6)
        let start = DispatchTime.now().uptimeNanoseconds
        var sink: Float = 0
        for _ in 0..<3 { sink += try MatrixMultiply.product(a, b).scalars[0] }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        print("matmul \(m)×\(k)·\(k)×\(n): \(Double(3 * 2 * m * k * n) / seconds / 1e9) GFLOP/s (\(sink))")
        #expect(seconds > 0)
    }
}
