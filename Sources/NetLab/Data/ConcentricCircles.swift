import Foundation
import WeightInit

/// Two concentric circles: class 0 on radius 1, class 1 on radius `factor` (0.5),
/// at uniform angles θ, plus N(0, noise²·I) jitter; not linearly separable.
public enum ConcentricCircles {
    /// `count` samples (classes alternate) from `stream`.
    public static func make(
        count: Int, factor: Double = 0.5, noise: Double = 0.08, stream: inout RandomStream
    ) -> Dataset {
        var inputs = Matrix(rows: count, columns: 2)
        var labels = [Int](repeating: 0, count: count)
        let jitter = GaussianInputs.matrix(rows: count, columns: 2, stream: &stream)
        for i in 0..<count {
            let label = i % 2
            let words = stream.block(at: stream.reserveBlocks(1))
            let theta = 2 * Double.pi * RandomStream.unitDouble(words[0], words[1])
            let radius = label == 0 ? 1.0 : factor
            inputs[i, 0] = Float(radius * Foundation.cos(theta) + noise * Double(jitter[i, 0]))
            inputs[i, 1] = Float(radius * Foundation.sin(theta) + noise * Double(jitter[i, 1]))
            labels[i] = label
        }
        return Dataset(generated: "circles", inputs: inputs, targets: .labels(labels), classCount: 2)
    }

    /// 600 training and 200 test samples from independent substreams.
    public static func split(train: Int = 600, test: Int = 200, stream: RandomStream) -> DatasetSplit {
        var trainStream = stream.substream(1), testStream = stream.substream(2)
        return DatasetSplit(
            train: make(count: train, stream: &trainStream), test: make(count: test, stream: &testStream))
    }
}
