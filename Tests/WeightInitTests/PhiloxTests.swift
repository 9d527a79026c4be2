import Testing
import WeightInit

@Suite("Philox4x32-10 and RandomStream")
struct PhiloxTests {
    @Test("matches the Random123 known-answer vectors")
    func knownAnswers() {
        #expect(
            Philox4x32.block(counter: .zero, key: .zero) == SIMD4(0x6627_E8D5, 0xE169_C58D, 0xBC57_AC4C, 0x9B00_DBD8))
        #expect(
            Philox4x32.block(counter: SIMD4(repeating: 0xFFFF_FFFF), key: SIMD2(repeating: 0xFFFF_FFFF))
                == SIMD4(0x408F_276D, 0x41C8_3B0E, 0xA20B_C7C6, 0x6D54_51FD))
        #expect(
            Philox4x32.block(
                counter: SIMD4(0x243F_6A88, 0x85A3_08D3, 0x1319_8A2E, 0x0370_7344),
                key: SIMD2(0xA409_3822, 0x299F_31D0))
                == SIMD4(0xD16C_FE09, 0x94FD_CCEB, 0x5001_E420, 0x2412_6EA1))
    }

    @Test("the eight-lane kernel equals eight scalar blocks")
    func vectorKernelMatchesScalar() {
        let stream = RandomStream(seed: 0x1234_5678_9ABC, stream: 77)
        let index: UInt64 = 0xFFFF_FFFC  // crosses the 32-bit counter boundary
        let (w0, w1, w2, w3) = Philox4x32.blocks8(index: index, stream: stream.stream, key: stream.key)
        for lane in 0..<8 {
            #expect(SIMD4(w0[lane], w1[lane], w2[lane], w3[lane]) == stream.block(at: index + UInt64(lane)))
        }
    }

    @Test("same seed gives identical bytes, different seeds differ")
    func seedDeterminism() throws {
        let initializer = try InitializerSpec.parse("xavier-normal").makeInitializer()
        var first = RandomStream(seed: 42), second = RandomStream(seed: 42), other = RandomStream(seed: 43)
        let a = try initializer.makeTensor(shape: [300, 200], using: &first)
        let b = try initializer.makeTensor(shape: [300, 200], using: &second)
        let c = try initializer.makeTensor(shape: [300, 200], using: &other)
        #expect(a.scalars.map(\.bitPattern) == b.scalars.map(\.bitPattern))
        let differing = zip(a.scalars, c.scalars).filter { $0 != $1 }.count
        #expect(differing > a.count * 99 / 100)
    }

    @Test("a fill split across threads equals the element-by-element sequence")
    func parallelFillMatchesSerialDefinition() throws {
        // 300,007 values span several parallel chunks and end mid-block.
        let count = 300_007
        var stream = RandomStream(seed: 9)
        var values = [Float](repeating: 0, count: count)
        try UniformDistribution(low: 0, high: 1).fill(&values, using: &stream)
        // Whole groups of eight blocks (32 values) are reserved.
        let groups = (count + 31) / 32
        #expect(stream.offset == UInt64(groups * 8))
        // Value v is word (v mod 32)/8 of block 8·(v/32) + v mod 8.
        let reference = RandomStream(seed: 9)
        func expected(_ v: Int, blockOffset: Int = 0) -> Float {
            let block = blockOffset + 8 * (v / 32) + v % 8
            return RandomStream.unitFloat(reference.block(at: UInt64(block))[(v % 32) / 8])
        }
        for index in Array(stride(from: 0, to: count, by: 997)) + [count - 1] {
            #expect(values[index] == expected(index))
        }
        // A second fill continues where the first stopped instead of repeating it.
        var next = [Float](repeating: 0, count: 4)
        try UniformDistribution(low: 0, high: 1).fill(&next, using: &stream)
        #expect(next[0] == expected(0, blockOffset: groups * 8))
    }

    @Test("substreams are distinct and reproducible")
    func substreams() {
        let root = RandomStream(seed: 5)
        #expect(root.substream(1) == root.substream(1))
        #expect(root.substream(1).stream != root.substream(2).stream)
        #expect(root.substream(1).block(at: 0) != root.substream(2).block(at: 0))
    }
}
