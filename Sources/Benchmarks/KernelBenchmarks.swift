import NetLab
import WeightInit

extension StandardBenchmarks {
    /// The deterministic matrix-multiply kernel on the forward-stats shape (1000 samples, 500 units).
    static var kernelCases: [BenchmarkCase] {
        let (m, k, n) = (1000, 500, 500)
        return [
            BenchmarkCase(
                name: "matmul-\(m)x\(k)x\(n)", summary: "C = A·B, float32, A \(m)×\(k), B \(k)×\(n)",
                operations: Double(2 * m * k * n)
            ) {
                var stream = RandomStream(seed: 1)
                let a = GaussianInputs.matrix(rows: m, columns: k, stream: &stream)
                let b = GaussianInputs.matrix(rows: k, columns: n, stream: &stream)
                return { _ = try MatrixMultiply.product(a, b) }
            }
        ]
    }
}
