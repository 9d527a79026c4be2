import CKernels
import Foundation
import Testing

@testable import WeightInit

/// The C normal sampler and the C reductions against WeightInit's portable Swift reference.
@Suite struct KernelSamplerTests {
    /// The paths this CPU can run (`WB_ISA_*` codes).
    static var paths: [Int32] { (0...3).map(Int32.init).filter { wb_isa_supported($0) != 0 } }

    /// Every path of the C sampler fills the same bits as the Swift sampler, for odd lengths
    /// (partial groups, an odd number of groups, several parallel chunks), offsets, stream ids,
    /// keys and scalings, and leaves the stream at the same offset.
    @Test(arguments: [1, 7, 31, 32, 33, 95, 1000, 65_537, 200_003])
    func cSamplerMatchesTheSwiftSampler(count: Int) throws {
        let normal = try NormalDistribution(mean: 0.25, standardDeviation: 1.75)
        var seedStream = RandomStream(seed: 0xDEAD_BEEF_1234_5678, stream: 0xFEDC_BA98_7654_3210)
        _ = seedStream.reserveBlocks(13)
        var expected = [Float](repeating: 0, count: count)
        var reference = seedStream
        expected.withUnsafeMutableBufferPointer { normal.fillPortable($0, using: &reference) }
        for path in Self.paths {
            var values = [Float](repeating: .nan, count: count)
            var stream = seedStream
            values.withUnsafeMutableBufferPointer { normal.fill($0, using: &stream, kernel: path) }
            #expect(values.map(\.bitPattern) == expected.map(\.bitPattern), "path \(path), \(count) values")
            #expect(stream == reference)
        }
    }

    /// `wb_sum` and `wb_centered_squares` give SampleStatistics' mean and variance bit for bit on
    /// every path (the same 16-lane order), for lengths around multiples of 16.
    @Test(arguments: [1, 2, 15, 16, 17, 100, 4099])
    func cReductionsMatchSampleStatistics(count: Int) {
        var stream = RandomStream(seed: UInt64(count))
        var values = [Float](repeating: 0, count: count)
        (try? NormalDistribution(mean: 3, standardDeviation: 2))?.fill(&values, using: &stream)
        let statistics = SampleStatistics(values)
        for path in Self.paths {
            values.withUnsafeBufferPointer { buffer in
                let mean = wb_sum(path, buffer.baseAddress, count) / Double(count)
                #expect(mean.bitPattern == statistics.mean.bitPattern, "path \(path)")
                if count > 1 {
                    let variance = wb_centered_squares(path, buffer.baseAddress, count, mean) / Double(count - 1)
                    #expect(variance.bitPattern == statistics.variance.bitPattern, "path \(path)")
                }
            }
        }
        // The generic (non-contiguous) path agrees with the contiguous one.
        #expect(SampleStatistics(values.lazy.map { $0 }) == statistics)
        #expect(statistics.minimum == Double(values.min() ?? 0))
        #expect(statistics.maximum == Double(values.max() ?? 0))
    }

    /// The C histogram counts as the Double formula does, skips non-finite values and clamps.
    @Test func cHistogramMatchesTheFormula() {
        var stream = RandomStream(seed: 77)
        var values = [Float](repeating: 0, count: 10_001)
        (try? NormalDistribution(mean: 0, standardDeviation: 0.6))?.fill(&values, using: &stream)
        values += [-1, 1, -0.0, 0.95, .nan, .infinity, -.infinity, 5, -5, .leastNonzeroMagnitude]
        let (lower, bins) = (-1.0, 40)
        let width = 2.0 / Double(bins)
        var expected = [Int64](repeating: 0, count: bins)
        for value in values where value.isFinite {
            let position = (Double(value) - lower) / width
            expected[min(bins - 1, max(0, Int(position.rounded(.down))))] += 1
        }
        for path in Self.paths {
            var counts = [Int64](repeating: 0, count: bins)
            values.withUnsafeBufferPointer { buffer in
                counts.withUnsafeMutableBufferPointer {
                    wb_histogram(path, buffer.baseAddress, buffer.count, lower, width, Int32(bins), $0.baseAddress)
                }
            }
            #expect(counts == expected, "path \(path)")
        }
    }
}
