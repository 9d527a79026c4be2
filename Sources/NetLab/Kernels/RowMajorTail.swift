import CKernels
import Foundation
import WeightInit

/// The partial last panel of a row-major B (k × n) for `isa`, packed (empty when the panel
/// width divides n), so the other panels can be read in place.
struct RowMajorTail: Sendable {
    /// k × panel width floats, or none.
    var scalars: [Float]

    /// Packs the tail of `b`.
    init(_ b: Matrix, isa: KernelISA) {
        self.init(k: b.rows, n: b.columns, isa: isa)
        pack(b, isa: isa)
    }

    /// Room for the tail of a k × n operand.
    init(k: Int, n: Int, isa: KernelISA) {
        let width = isa.panelWidth
        scalars = n % width == 0 ? [] : [Float](repeating: 0, count: k * width)
    }

    /// Repacks the tail of `b` (k × n as at creation) without allocating.
    mutating func pack(_ b: Matrix, isa: KernelISA) {
        guard !scalars.isEmpty else { return }
        b.scalars.withUnsafeBufferPointer { source in
            scalars.withUnsafeMutableBufferPointer { target in
                guard let from = source.baseAddress, let to = target.baseAddress else { return }
                wb_pack_b_tail(isa.code, from, b.columns, b.rows, b.columns, to)
            }
        }
    }
}
