import CKernels
import Foundation
import WeightInit

/// B (k × n) in panels of ``KernelISA/panelWidth`` columns for `isa`: panel q holds rows
/// p = 0..<k of its columns, contiguous, zero-padded past column n.
struct PackedB: Sendable {
    /// The panels.
    var scalars: [Float]
    /// Depth (rows of B).
    let k: Int
    /// Columns of B.
    let n: Int
    /// The path whose panel width was used.
    let isa: KernelISA

    /// Packs Wᵀ for W (`n × k`, row-major): B(p, j) = W[j, p] (the forward pass's operand).
    init(transposing w: Matrix, isa: KernelISA) {
        let width = isa.panelWidth
        let (k, n) = (w.columns, w.rows)
        self.k = k
        self.n = n
        self.isa = isa
        // wb_pack_b writes every element, zero padding included.
        let count = max(1, (n + width - 1) / width * k * width)
        self.scalars = w.scalars.withUnsafeBufferPointer { source in
            [Float](unsafeUninitializedCapacity: count) { target, initialized in
                if let from = source.baseAddress, let to = target.baseAddress, k > 0, n > 0 {
                    wb_pack_b(isa.code, from, 1, k, k, n, to)
                } else {
                    target.initialize(repeating: 0)
                }
                initialized = count
            }
        }
    }

    /// Calls `body` with the packed operand.
    func withOperand<R>(_ body: (KernelOperand) -> R) -> R {
        scalars.withUnsafeBufferPointer { body(.packed($0.baseAddress)) }
    }
}
