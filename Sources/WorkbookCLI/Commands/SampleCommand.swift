import ArgumentParser
import Foundation
import WeightInit

/// `workbook sample INIT --shape 256x512`: fills one tensor and prints or exports it.
struct SampleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sample",
        abstract: "Fill a weight tensor with an initialiser; print its statistics or write .npy/.csv.",
        discussion: """
            INIT is a name (\(InitializerCatalog.names.joined(separator: ", "))) or a full spec such as
            'kaiming-normal(mode=fan_out, nonlinearity=relu)'. Options below override the spec's arguments.
            Examples:
              workbook sample kaiming-normal --shape 512x256 --seed 1 --output w.npy
              workbook sample 'orthogonal(gain=5/3)' --shape 64x3x3x3
            """
    )

    @Argument(
        help: "Initialiser name or spec, e.g. xavier-uniform or 'normal(std=0.01)'.",
        transform: InitializerSpec.init(parsing:))
    var initializer: InitializerSpec

    // `.unconditional` too, so `--shape -8x8` is refused for its negative dimension, not as an unknown option.
    @Option(
        parsing: .unconditional,
        help: "Tensor shape in PyTorch layout [out, in, k...], e.g. 256x512 or 64x3x3x3.",
        transform: ShapeArgument.init(parsing:))
    var shape: ShapeArgument

    @Option(help: "Seed of the Philox4x32-10 stream.")
    var seed: UInt64 = 0

    // Numeric values use `.unconditional` parsing, so a negative number after a space (`--a -0.7`) is a value.
    @Option(parsing: .unconditional, help: "Gain (xavier, lecun, orthogonal); a number or a nonlinearity name.")
    var gain: String?
    @Option(help: "Fan mode: fan_in or fan_out (kaiming); fan_in, fan_out or fan_avg (variance-scaling).") var mode:
        String?
    @Option(help: "Nonlinearity for kaiming, e.g. relu, tanh, leaky_relu.") var nonlinearity: String?
    @Option(name: .customLong("negative-slope"), parsing: .unconditional, help: "Leaky ReLU slope a for kaiming.")
    var negativeSlope: String?
    @Option(parsing: .unconditional, help: "Mean (normal, trunc-normal).") var mean: String?
    @Option(parsing: .unconditional, help: "Standard deviation (normal, trunc-normal, sparse).") var std: String?
    @Option(parsing: .unconditional, help: "Lower bound a (uniform, trunc-normal; absolute).") var a: String?
    @Option(parsing: .unconditional, help: "Upper bound b (uniform, trunc-normal; absolute).") var b: String?
    @Option(parsing: .unconditional, help: "Value for constant.") var value: String?
    @Option(parsing: .unconditional, help: "Fraction of zeros per column for sparse, in [0, 1].") var sparsity: String?
    @Option(parsing: .unconditional, help: "Scale (variance numerator) for variance-scaling.") var scale: String?
    @Option(help: "Distribution for variance-scaling: truncated_normal, untruncated_normal or uniform.")
    var distribution: String?

    @Option(help: "Write the tensor to FILE: .npy (float32, C order) or .csv (rows).")
    var output: String?

    /// The per-argument options that were given, as spec arguments (`--negative-slope` is kaiming's `a`).
    private var overrides: [(key: String, value: String)] {
        let options: [(String, String?)] = [
            ("gain", gain), ("mode", mode), ("nonlinearity", nonlinearity), ("a", negativeSlope ?? a),
            ("mean", mean), ("std", std), ("b", b), ("value", value), ("sparsity", sparsity),
            ("scale", scale), ("distribution", distribution),
        ]
        return options.compactMap { key, value in value.map { (key, $0) } }
    }

    func run() throws {
        let fileFormat = try output.map(TensorFileFormat.init(path:))
        let initializer = try self.initializer.overriding(overrides).makeInitializer()
        let dimensions = shape.dimensions
        var stream = RandomStream(seed: seed)
        let tensor = try initializer.makeTensor(shape: dimensions, using: &stream)
        if let output, let fileFormat {
            try Data(fileFormat.encode(tensor)).write(to: URL(fileURLWithPath: output))
            print("wrote \(tensor.shapeDescription) \(initializer.spec) to \(output)")
            return
        }
        let statistics = SampleStatistics(tensor.scalars)
        print("initializer  \(initializer.spec)")
        print("shape        \(tensor.shapeDescription)")
        if let fans = try? Fans(shape: dimensions) {
            print("fan_in       \(fans.fanIn)")
            print("fan_out      \(fans.fanOut)")
        }
        print("seed         \(seed)")
        print("mean         \(format(statistics.mean))")
        print("std          \(format(statistics.standardDeviation))")
        print("min          \(format(statistics.minimum))")
        print("max          \(format(statistics.maximum))")
        print("formula std  \(format(try initializer.predictedStandardDeviation(for: dimensions)))")
    }

    private func format(_ value: Double) -> String { String(format: "%.6g", value) }
}
