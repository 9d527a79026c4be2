import CKernels
import WeightInit

/// Per-layer summary of one forward (and optionally backward) pass.
///
/// Means and standard deviations are over every element of the batch matrix
/// (samples × units), accumulated in Double; std uses Bessel's correction.
public struct LayerStatistics: Sendable, Equatable {
    /// Layer index l (0 = the input).
    public var layer: Int
    /// Mean of hₗ.
    public var activationMean: Double
    /// Std of hₗ.
    public var activationStd: Double
    /// Std of δₗ = ∂L/∂zₗ (nil for the input or without a backward pass).
    public var preActivationGradientStd: Double?
    /// Std of ∂L/∂Wₗ (nil for the input or without a backward pass).
    public var weightGradientStd: Double?

    /// Statistics of layers 0…L of `trace` and, when given, `gradients` of the same pass
    /// (layers are summarised concurrently; each layer's sums run in a fixed order).
    public static func collect(_ trace: ForwardTrace, gradients: Gradients? = nil) -> [LayerStatistics] {
        let depth = trace.outputs.count
        return ParallelMap.map(count: depth + 1) { l in
            let h = Moments(trace.activation(layer: l).scalars)
            var row = LayerStatistics(
                layer: l, activationMean: h.mean, activationStd: h.standardDeviation,
                preActivationGradientStd: nil, weightGradientStd: nil)
            if l > 0, let gradients {
                row.preActivationGradientStd = Moments(gradients.preActivations[l - 1].scalars).standardDeviation
                row.weightGradientStd = Moments(gradients.weights[l - 1].scalars).standardDeviation
            }
            return row
        }
    }

    /// The statistics of hₗ (layer `layer`) alone, as ``collect(_:gradients:)`` computes them.
    public static func of(layer: Int, output: Matrix) -> LayerStatistics {
        let h = Moments(output.scalars)
        return LayerStatistics(
            layer: layer, activationMean: h.mean, activationStd: h.standardDeviation,
            preActivationGradientStd: nil, weightGradientStd: nil)
    }
}
