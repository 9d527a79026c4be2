import WeightInit

/// Layer-sequential unit-variance initialisation (Mishkin & Matas 2016, "All you need is a good init").
///
/// Starting from an orthogonal initialisation, for each layer l = 1…L in turn: run the batch
/// forward, measure the variance v of the layer's pre-activation output zₗ, and rescale
/// Wₗ ← Wₗ/√v (and bₗ likewise), repeating until |v − 1| < `tolerance` or `maxIterations`
/// rescalings were made.
public enum LSUV {
    /// What LSUV did to one layer.
    public struct LayerReport: Sendable, Equatable {
        /// 1-based layer index.
        public var layer: Int
        /// Rescalings applied (0 when the layer already had |Var − 1| < tolerance).
        public var iterations: Int
        /// Var(zₗ) after the last rescaling.
        public var finalVariance: Double
    }

    /// Rescales `network` layer by layer on `batch`; returns one report per layer.
    public static func normalize(
        _ network: inout MLP, batch: Matrix, tolerance: Double,
        maxIterations: Int
    ) throws(NetLabError) -> [LayerReport] {
        var reports: [LayerReport] = []
        var input = batch
        for l in network.layers.indices {
            var iterations = 0
            var z = try network.layers[l].preActivation(input)
            var variance = SampleStatistics(z.scalars).variance
            while abs(variance - 1) >= tolerance, iterations < maxIterations, variance > 0, variance.isFinite {
                let scale = Float(1 / variance.squareRoot())
                for index in network.layers[l].weight.scalars.indices {
                    network.layers[l].weight.scalars[index] *= scale
                }
                if let bias = network.layers[l].bias { network.layers[l].bias = bias.map { $0 * scale } }
                iterations += 1
                z = try network.layers[l].preActivation(input)
                variance = SampleStatistics(z.scalars).variance
            }
            reports.append(LayerReport(layer: l + 1, iterations: iterations, finalVariance: variance))
            input = network.layers[l].activation.apply(z)
        }
        return reports
    }
}
