import Experiments
import NetLab
import Testing
import WeightInit

/// forward-stats builds and runs its network one layer at a time and summarises each output
/// concurrently; its results must equal the plain composition (the whole network, its
/// forward trace, the layer statistics and the histograms of every output).
@Suite struct ForwardStatsStreamingTests {
    @Test(arguments: [("tanh", false), ("relu", true)])
    func streamedResultEqualsTheWholeNetworkComposition(activationName: String, bias: Bool) throws {
        let (depth, width, samples, bins) = (4, 64, 50, 12)
        let result = try ExperimentRegistry.standard.run(
            "forward-stats",
            overrides: [
                ("init", "[xavier-normal, kaiming-normal]"), ("activation", activationName), ("depth", "\(depth)"),
                ("width", "\(width)"), ("samples", "\(samples)"), ("bins", "\(bins)"), ("bias", "\(bias)"),
            ])
        let activation = try Activation(name: activationName)
        let root = RandomStream(seed: 1)
        var inputStream = root.substream(1)
        let input = GaussianInputs.matrix(rows: samples, columns: width, stream: &inputStream)
        var expectedRows: [[Double]] = []
        var expectedCounts: [[Int]] = []
        for spec in ["xavier-normal", "kaiming-normal"] {
            let network = try MLP(
                MLPConfiguration(
                    inputWidth: width, widths: Array(repeating: width, count: depth),
                    activation: activation, bias: bias, weightInitializers: [spec]),
                stream: root.substream(2))
            let trace = try network.forward(input)
            #expect(try network.layerOutputs(input) == trace.outputs)
            for row in LayerStatistics.collect(trace) {
                // The C reductions follow SampleStatistics' order: the same bits.
                let reference = SampleStatistics(trace.activation(layer: row.layer).scalars)
                #expect(row.activationMean.bitPattern == reference.mean.bitPattern)
                #expect(row.activationStd.bitPattern == reference.standardDeviation.bitPattern)
                expectedRows.append([Double(row.layer), row.activationMean, row.activationStd])
            }
            for output in trace.outputs {
                let range: ClosedRange<Double> =
                    activation == .tanh
                    ? -1...1
                    : 0...max(1e-12, Histogram.fittingRange(output.scalars, symmetric: false).upperBound)
                expectedCounts.append(Histogram(values: output.scalars, range: range, bins: bins).counts)
            }
        }
        let table = try #require(result.table(named: "layers"))
        let rows = table.rows.map { [$0[1].doubleValue ?? -1, $0[2].doubleValue ?? .nan, $0[3].doubleValue ?? .nan] }
        #expect(rows.count == expectedRows.count)
        for (row, expected) in zip(rows, expectedRows) {
            #expect(row.map(\.bitPattern) == expected.map(\.bitPattern))
        }
        #expect(result.histograms.map(\.counts) == expectedCounts)
    }
}
