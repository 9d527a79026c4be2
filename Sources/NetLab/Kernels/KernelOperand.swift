import CKernels
import Foundation
import WeightInit

/// Where the kernel reads B.
enum KernelOperand {
    /// Panels from `wb_pack_b`.
    case packed(UnsafePointer<Float>?)
    /// A row-major B with row stride `ldb`, its partial last panel packed in `tail`.
    case rowMajor(UnsafePointer<Float>?, ldb: Int, tail: UnsafePointer<Float>?)
}
