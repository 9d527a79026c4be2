import CKernels
import Foundation
import WeightInit

/// An instruction-set path of the ``MatrixMultiply`` micro-kernel and the activation kernels.
/// All paths follow the same per-element sequence of IEEE operations, so they give
/// bit-identical results; they differ only in speed.
public enum KernelISA: String, CaseIterable, Sendable {
    /// Portable C (4 × 8 tiles, `fmaf`), available on every CPU.
    case scalar
    /// x86-64 SSE2, 4 lanes (4 × 8 tiles, `fmaf` per lane).
    case sse2
    /// x86-64 AVX2 with FMA3, 8 lanes (4 × 16 tiles).
    case avx2
    /// x86-64 AVX-512F, 16 lanes (8 × 32 tiles).
    case avx512

    /// The identifier the C target uses.
    var code: Int32 {
        switch self {
        case .scalar: Int32(WB_ISA_SCALAR)
        case .sse2: Int32(WB_ISA_SSE2)
        case .avx2: Int32(WB_ISA_AVX2)
        case .avx512: Int32(WB_ISA_AVX512)
        }
    }

    /// True when this CPU (and operating system) can run the path.
    public var isSupported: Bool { wb_isa_supported(code) != 0 }

    /// The paths this CPU can run, narrowest first.
    public static var supported: [KernelISA] { allCases.filter(\.isSupported) }

    /// The widest path this CPU supports.
    public static var best: KernelISA {
        switch wb_best_isa() {
        case Int32(WB_ISA_AVX512): .avx512
        case Int32(WB_ISA_AVX2): .avx2
        case Int32(WB_ISA_SSE2): .sse2
        default: .scalar
        }
    }

    /// The path products use by default: the environment variable `WORKBOOK_KERNEL`
    /// (`scalar`, `sse2`, `avx2` or `avx512`) when it names a supported path, else ``best``.
    /// Read once (`wb_selected_isa`, which WeightInit's normal sampler uses too).
    public static let selected: KernelISA = {
        switch wb_selected_isa() {
        case Int32(WB_ISA_AVX512): .avx512
        case Int32(WB_ISA_AVX2): .avx2
        case Int32(WB_ISA_SSE2): .sse2
        default: .scalar
        }
    }()

    /// This path when supported, else ``best``.
    var resolved: KernelISA { isSupported ? self : Self.best }

    /// Columns per packed panel of B.
    var panelWidth: Int { wb_panel_width(code) }
}
