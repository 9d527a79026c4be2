import CKernels
import Foundation
import WeightInit

/// One call of the C kernel: C = E(A·B + s), rows split into ``MatrixMultiply/rowsPerChunk``
/// chunks. Raw pointers, read-only (A, B, bias, h) or written in disjoint rows (C, z) by
/// concurrent chunks, which share the description through a read-only ``SendablePointer``.
struct KernelOperation {
    /// The C description.
    var op: wb_gemm
    /// The path.
    let isa: KernelISA

    /// C (m × n, row stride ldc) = A·B with A(i, p) = `a[i·aRowStride + p·aDepthStride]`, sums
    /// from +0, no activation.
    init(
        isa: KernelISA, operand: KernelOperand, a: UnsafePointer<Float>?, aRowStride: Int, aDepthStride: Int,
        c: UnsafeMutablePointer<Float>?, ldc: Int, k: Int, n: Int
    ) {
        self.isa = isa
        op = wb_gemm()
        op.a = a
        op.aRowStride = aRowStride
        op.aDepthStride = aDepthStride
        switch operand {
        case .packed(let b):
            op.b = b
            op.ldb = 0
        case .rowMajor(let b, let ldb, let tail):
            op.b = b
            op.ldb = ldb
            op.tail = tail
        }
        op.c = c
        op.ldc = ldc
        op.k = k
        op.n = n
        op.activation = Int32(WB_ACT_LINEAR)
    }

    /// Sums start at `bias[j]` (n values) instead of +0.
    mutating func start(at bias: UnsafePointer<Float>?) { op.bias = bias }

    /// Epilogue: z (when given) keeps the sums, then C = f(sum) for `kind` (a `WB_ACT_*` code).
    mutating func activate(_ kind: Int32, slope: Float, preActivations z: UnsafeMutablePointer<Float>?) {
        op.activation = kind
        op.slope = slope
        op.z = z
    }

    /// Epilogue: C = sum·f′ for `kind`, f′ computed from the outputs h = f(z) (row stride ldc).
    mutating func gate(_ kind: Int32, slope: Float, outputs h: UnsafePointer<Float>?) {
        op.activation = kind
        op.slope = slope
        op.h = h
    }

    /// Computes rows 0..<m, in parallel chunks when `parallel` and the product is large enough.
    mutating func run(rows m: Int, parallel: Bool) {
        guard m > 0, op.n > 0, op.c != nil else { return }
        if !parallel || m * op.n * max(1, op.k) < MatrixMultiply.parallelThreshold || m <= MatrixMultiply.rowsPerChunk {
            rows(0..<m)
        } else {
            let code = isa.code
            withUnsafePointer(to: op) { description in
                let shared = SendablePointer(readOnly: description)
                let chunkRows = MatrixMultiply.chunkRows(rows: m, threads: MatrixMultiply.threads)
                ParallelChunks.forEach(count: m, chunkSize: chunkRows) { range in
                    wb_gemm_rows(code, shared.pointer, range.lowerBound, range.upperBound)
                }
            }
        }
    }

    /// Computes output rows `range` with the C micro-kernel.
    func rows(_ range: Range<Int>) {
        withUnsafePointer(to: op) { pointer in
            wb_gemm_rows(isa.code, pointer, range.lowerBound, range.upperBound)
        }
    }
}
