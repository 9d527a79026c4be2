/// Shared machinery for filling a buffer from Philox blocks, eight blocks (32 words) at a time.
///
/// Values are produced in *groups* of eight consecutive blocks. Within group *g* (blocks
/// 8g … 8g+7 after the stream's offset), a sampler maps the four word vectors
/// (word *w* of the eight blocks, lane *l* = block 8g + l) to up to four vectors of eight
/// values; value *v* of the fill is lane *v mod 8* of vector *(v / 8) mod k* of group
/// *v / (8k)*, for a sampler making *k* vectors per group. The mapping depends only on the
/// index, so any split of the buffer across threads gives the same values.
enum BlockFill {
    typealias Words = (SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>, SIMD8<UInt32>)
    typealias Values = (SIMD8<Float>, SIMD8<Float>, SIMD8<Float>, SIMD8<Float>)

    /// Groups per parallel chunk (a chunk is 2048 × 32 = 65,536 values for k = 4).
    static let groupsPerChunk = 2048

    /// Fills `buffer` with `vectorsPerGroup` (1…4) vectors of eight values per group of eight
    /// blocks, reserving whole groups from `stream`.
    @inline(__always)
    static func fill(
        _ buffer: UnsafeMutableBufferPointer<Float>, vectorsPerGroup: Int,
        using stream: inout RandomStream,
        _ produce: @escaping @Sendable (Words) -> Values
    ) {
        let count = buffer.count
        guard count > 0 else { return }
        let perGroup = 8 * vectorsPerGroup
        let groups = (count + perGroup - 1) / perGroup
        let first = stream.reserveBlocks(groups * 8)
        let streamID = stream.stream, key = stream.key
        guard let address = buffer.baseAddress else { return }
        let base = SendablePointer(address)
        ParallelChunks.forEach(count: groups, chunkSize: groupsPerChunk) { groupRange in
            let pointer = base.pointer
            for group in groupRange {
                let words = Philox4x32.blocks8(index: first &+ UInt64(group) &* 8, stream: streamID, key: key)
                let values = produce(words)
                let start = group * perGroup
                if start + perGroup <= count {
                    let raw = UnsafeMutableRawPointer(pointer + start)
                    raw.storeBytes(of: values.0, as: SIMD8<Float>.self)
                    if vectorsPerGroup > 1 { raw.storeBytes(of: values.1, toByteOffset: 32, as: SIMD8<Float>.self) }
                    if vectorsPerGroup > 2 { raw.storeBytes(of: values.2, toByteOffset: 64, as: SIMD8<Float>.self) }
                    if vectorsPerGroup > 3 { raw.storeBytes(of: values.3, toByteOffset: 96, as: SIMD8<Float>.self) }
                } else {
                    let vectors = [values.0, values.1, values.2, values.3]
                    for offset in 0..<(count - start) {
                        pointer[start + offset] = vectors[offset / 8][offset % 8]
                    }
                }
            }
        }
    }

    /// Converts words to floats in [0, 1): the top 24 bits times 2⁻²⁴ (exact).
    @inline(__always)
    static func unitInterval(_ words: SIMD8<UInt32>) -> SIMD8<Float> {
        SIMD8<Float>(SIMD8<Int32>(truncatingIfNeeded: words &>> 8)) * 0x1p-24
    }
}
