import Testing
import WeightInit

@Suite("Householder QR")
struct HouseholderQRTests {
    @Test("wide or inconsistent input is an error, not a crash")
    func rejectsBadShapes() {
        #expect(throws: InitializationError.self) {
            try HouseholderQR(columnMajor: [1, 2, 3, 4, 5, 6], rows: 2, columns: 3)
        }
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
