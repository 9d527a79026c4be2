import CKernels
import Foundation
import WeightInit

/// An elementwise nonlinearity f applied after each layer's affine map, with its derivative f′
/// for back-propagation.
///
/// | case | f(x) | f′(x) |
/// |---|---|---|
/// | linear | x | 1 |
/// | tanh | tanh x (``tanhValue(_:)``) | 1 − tanh²x, as fma(−y, y, 1) |
/// | sigmoid | σ(x) = 1/(1 + e⁻ˣ) | σ(x)(1 − σ(x)) |
/// | relu | max(0, x) | 1 if x > 0 else 0 |
/// | leakyRelu(a) | x if x > 0 else a·x | 1 if x > 0 else a |
/// | selu | λx if x > 0 else λα(eˣ − 1) | λ if x > 0 else λαeˣ |
/// | gelu | x·Φ(x), Φ(x) = ½(1 + erf(x/√2)) | Φ(x) + x·φ(x) |
///
/// SELU uses α ≈ 1.6733, λ ≈ 1.0507 (Klambauer et al. 2017); GELU is the exact (erf) form
/// (Hendrycks & Gimpel 2016).
///
/// linear, tanh, relu and leaky-relu run in the `CKernels` C kernels (also fused into the
/// matrix products of a layer), bit-identical on every ``KernelISA`` path and to the scalar
/// ``value(_:)`` and ``derivative(_:output:)``; sigmoid, SELU and GELU use the C library's
/// exp and erf in Swift.
public enum Activation: Sendable, Equatable, CustomStringConvertible {
    /// The identity f(x) = x.
    case linear
    /// The hyperbolic tangent.
    case tanh
    /// The logistic sigmoid σ(x) = 1/(1 + e⁻ˣ).
    case sigmoid
    /// The rectifier max(0, x).
    case relu
    /// max(x, a·x) with negative slope `a`.
    case leakyRelu(slope: Float)
    /// Scaled exponential linear unit.
    case selu
    /// Gaussian error linear unit x·Φ(x).
    case gelu

    /// SELU's α.
    public static let seluAlpha: Float = 1.6732632423543772
    /// SELU's λ (scale).
    public static let seluScale: Float = 1.0507009873554805
    /// The default leaky-ReLU negative slope a = 0.01, PyTorch's (`nn.LeakyReLU`, `calculate_gain`):
    /// WeightInit's ``Nonlinearity/defaultNegativeSlope`` in Float, so gains and activations agree.
    public static let defaultLeakySlope = Float(Nonlinearity.defaultNegativeSlope)

    /// Every name accepted by ``init(name:slope:)``.
    public static let names = ["linear", "tanh", "sigmoid", "relu", "leaky-relu", "selu", "gelu"]

    /// Parses a name from ``names`` (`_` and `-` are interchangeable); `slope` is the
    /// leaky-ReLU negative slope (default ``defaultLeakySlope``) and is ignored for the other activations.
    public init(name: String, slope: Float = Activation.defaultLeakySlope) throws(NetLabError) {
        switch name.lowercased().replacingOccurrences(of: "_", with: "-") {
        case "linear", "identity": self = .linear
        case "tanh": self = .tanh
        case "sigmoid": self = .sigmoid
        case "relu": self = .relu
        case "leaky-relu":
            guard slope.isFinite else {
                throw .invalidConfiguration(name: "slope", value: "\(slope)", expected: "a finite number")
            }
            self = .leakyRelu(slope: slope)
        case "selu": self = .selu
        case "gelu": self = .gelu
        default: throw .unknownName(kind: "activation", name: name, valid: Activation.names)
        }
    }

    /// The name as ``init(name:slope:)`` accepts it.
    public var description: String {
        switch self {
        case .linear: return "linear"
        case .tanh: return "tanh"
        case .sigmoid: return "sigmoid"
        case .relu: return "relu"
        case .leakyRelu: return "leaky-relu"
        case .selu: return "selu"
        case .gelu: return "gelu"
        }
    }

    /// f(x).
    @inlinable
    public func value(_ x: Float) -> Float {
        switch self {
        case .linear: return x
        case .tanh: return Activation.tanhValue(x)
        case .sigmoid: return 1 / (1 + Foundation.exp(-x))
        case .relu: return x > 0 ? x : 0
        case .leakyRelu(let slope): return x > 0 ? x : slope * x
        case .selu:
            return x > 0
                ? Activation.seluScale * x : Activation.seluScale * Activation.seluAlpha * (Foundation.exp(x) - 1)
        case .gelu: return x * 0.5 * (1 + Foundation.erf(x * 0.70710678118654752))
        }
    }

    /// f′(x), given the pre-activation `x` and the output `y = f(x)` (reused where cheaper).
    @inlinable
    public func derivative(_ x: Float, output y: Float) -> Float {
        switch self {
        case .linear: return 1
        case .tanh: return (1 as Float).addingProduct(-y, y)
        case .sigmoid: return y * (1 - y)
        case .relu: return x > 0 ? 1 : 0
        case .leakyRelu(let slope): return x > 0 ? 1 : slope
        case .selu: return x > 0 ? Activation.seluScale : y + Activation.seluScale * Activation.seluAlpha
        case .gelu:
            let cdf = 0.5 * (1 + Foundation.erf(x * 0.70710678118654752))
            let pdf = Foundation.exp(-0.5 * x * x) * 0.39894228040143268
            return cdf + x * pdf
        }
    }

    /// The PyTorch nonlinearity whose `calculate_gain` matches this activation (GELU has
    /// none in PyTorch; its gain is taken as ReLU's √2, the usual practice).
    public var nonlinearity: Nonlinearity {
        switch self {
        case .linear: return .linear
        case .tanh: return .tanh
        case .sigmoid: return .sigmoid
        case .relu, .gelu: return .relu
        case .leakyRelu(let slope): return .leakyRelu(negativeSlope: Double(slope))
        case .selu: return .selu
        }
    }

    /// tanh x from the C kernels (`wb_tanhf`): odd, within 2 ulp of the exact value (1.33 ulp
    /// measured over every float), −0 ↦ −0, ±∞ ↦ ±1, NaN ↦ NaN, the same bits on every path.
    public static func tanhValue(_ x: Float) -> Float { wb_tanhf(x) }

    /// The `WB_ACT_*` code when the C kernels evaluate f (linear, tanh, relu, leaky-relu), else nil.
    var kernelCode: Int32? {
        switch self {
        case .linear: Int32(WB_ACT_LINEAR)
        case .tanh: Int32(WB_ACT_TANH)
        case .relu: Int32(WB_ACT_RELU)
        case .leakyRelu: Int32(WB_ACT_LEAKY_RELU)
        case .sigmoid, .selu, .gelu: nil
        }
    }

    /// The `WB_ACT_*` code when the C kernels compute f′ from the output h = f(z) alone (so the
    /// backward pass needs no z): linear, tanh (1 − h²), relu and leaky-relu with slope ≥ 0
    /// (h > 0 exactly when z > 0); nil otherwise.
    var outputGateCode: Int32? {
        switch self {
        case .leakyRelu(let slope): slope >= 0 ? Int32(WB_ACT_LEAKY_RELU) : nil
        default: kernelCode
        }
    }

    /// The leaky-relu slope (0 for the other activations), as the C kernels take it.
    var kernelSlope: Float {
        if case .leakyRelu(let slope) = self { return slope }
        return 0
    }

    /// Elements per parallel chunk of ``apply(_:)`` and ``backward(outputGradient:preActivation:output:)``.
    /// Each element is computed independently, so the split never changes a value.
    static let chunkElements = 1 << 15

    /// Applies f to every element of `input` (in parallel chunks for large matrices).
    public func apply(_ input: Matrix) -> Matrix {
        var output = input
        if self == .linear { return output }
        output.scalars.withUnsafeMutableBufferPointer { buffer in
            applyInPlace(buffer)
        }
        return output
    }

    /// y ← f(y) for every element of `buffer` on the `kernel` path, in parallel fixed chunks
    /// when `parallel` (each element is independent, so the split changes nothing).
    func applyInPlace(_ buffer: UnsafeMutableBufferPointer<Float>, parallel: Bool = true, kernel: KernelISA = .selected)
    {
        let activation = self
        let isa = kernel.code
        guard let address = buffer.baseAddress else { return }
        let shared = SendablePointer(address)
        let body: @Sendable (Range<Int>) -> Void = { range in
            let pointer = shared.pointer
            if let code = activation.kernelCode {
                wb_activate(
                    isa, code, activation.kernelSlope, pointer + range.lowerBound,
                    pointer + range.lowerBound, range.count)
            } else {
                for index in range { pointer[index] = activation.value(pointer[index]) }
            }
        }
        if parallel {
            ParallelChunks.forEach(count: buffer.count, chunkSize: Self.chunkElements, body)
        } else if !buffer.isEmpty {
            body(0..<buffer.count)
        }
    }

    /// δ_Z = δ_H ⊙ f′(Z): the gradient with respect to the pre-activation `z`
    /// given the gradient `outputGradient` with respect to the output `h = f(z)`.
    public func backward(outputGradient: Matrix, preActivation z: Matrix, output h: Matrix) -> Matrix {
        var result = outputGradient
        if self == .linear { return result }
        result.scalars.withUnsafeMutableBufferPointer { g in
            z.scalars.withUnsafeBufferPointer { z in
                h.scalars.withUnsafeBufferPointer { h in
                    gateInPlace(g, preActivation: z.baseAddress, output: h.baseAddress)
                }
            }
        }
        return result
    }

    /// g ← g ⊙ f′ for every element, from the outputs h (C kernels, when ``outputGateCode`` is
    /// set) or from z and h in Swift; on the `kernel` path, in parallel fixed chunks when `parallel`.
    func gateInPlace(
        _ g: UnsafeMutableBufferPointer<Float>, preActivation z: UnsafePointer<Float>?,
        output h: UnsafePointer<Float>?, parallel: Bool = true, kernel: KernelISA = .selected
    ) {
        let activation = self
        let isa = kernel.code
        guard let gradientAddress = g.baseAddress, let h else { return }
        let gradient = SendablePointer(gradientAddress)
        let pre = z.map { SendablePointer(readOnly: $0) }
        let post = SendablePointer(readOnly: h)
        let body: @Sendable (Range<Int>) -> Void = { range in
            let (g, h) = (gradient.pointer, post.pointer)
            if let code = activation.outputGateCode {
                wb_gate(
                    isa, code, activation.kernelSlope, h + range.lowerBound,
                    g + range.lowerBound, range.count)
            } else if let z = pre?.pointer {
                for index in range { g[index] *= activation.derivative(z[index], output: h[index]) }
            }
        }
        if parallel {
            ParallelChunks.forEach(count: g.count, chunkSize: Self.chunkElements, body)
        } else if !g.isEmpty {
            body(0..<g.count)
        }
    }
}
