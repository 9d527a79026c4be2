import Foundation
import WeightInit

/// The two-spirals benchmark (Lang & Witbrock 1988): two interleaved arms in the plane.
///
/// Sample i of class c ∈ {0, 1}: r = u (u uniform in [0, 1)), θ = 4πu + cπ,
/// x = (r cos θ, r sin θ) + N(0, noise²·I). Inputs are scaled by 2 so they span about [−2, 2].
public enum TwoSpirals {
    /// `count` samples (half per class, alternating) from `stream`.
    public static func make(count: Int, noise: Double = 0.05, stream: inout RandomStream) -> Dataset {
        var inputs = Matrix(rows: count, columns: 2)
        var labels = [Int](repeating: 0, count: count)
        let jitter = GaussianInputs.matrix(rows: count, columns: 2, stream: &stream)
        for i in 0..<count {
            let label = i % 2
            let words = stream.block(at: stream.reserveBlocks(1))
            let u = RandomStream.unitDouble(words[0], words[1])
            let theta = 4 * Double.pi * u + Double(label) * Double.pi
            inputs[i, 0] = Float(2 * (u * Foundation.cos(theta) + noise * Double(jitter[i, 0])))
            inputs[i, 1] = Float(2 * (u * Foundation.sin(theta) + noise * Double(jitter[i, 1])))
            labels[i] = label
        }
        return Dataset(generated: "spirals", inputs: inputs, targets: .labels(labels), classCount: 2)
    }

    /// 600 training and 200 test samples from independent substreams.
    public static func split(train: Int = 600, test: Int = 200, stream: RandomStream) -> DatasetSplit {
        var trainStream = stream.substream(1), testStream = stream.substream(2)
        return DatasetSplit(
            train: make(count: train, stream: &trainStream), test: make(count: test, stream: &testStream))
    }
}
