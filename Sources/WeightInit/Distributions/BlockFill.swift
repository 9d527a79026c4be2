/// Shared machinery for filling a buffer from consecutive Philox blocks.
enum BlockFill {
    /// Elements per parallel chunk; a multiple of 32 so chunks start on 8-block boundaries.
    static let chunkElements = 1 << 16

    /// Fills `buffer` with `valuesPerBlock` values per Philox block, reserving the blocks
    /// from `stream`. `produce(words, lane)` maps the four words of one block to its values.
    ///
    /// Value *j* always comes from block `first + j / valuesPerBlock`, whatever the threading.
    @inlinable
    static func fill(_ buffer: UnsafeMutableBufferPointer<Float>, valuesPerBlock: Int,
                     using stream: inout RandomStream,
                     _ produce: @escaping @Sendable (SIMD4<UInt32>) -> SIMD4<Float>) {
        let count = buffer.count
        guard count > 0 else { return }
        let blocks = (count + valuesPerBlock - 1) / valuesPerBlock
        let first = stream.reserveBlocks(blocks)
        let frozen = stream
        let base = UnsafeSendablePointer(buffer.baseAddress)
        let chunk = chunkElements / 4 * valuesPerBlock
        ParallelChunks.forEach(count: count, chunkSize: chunk) { range in
            guard let pointer = base.pointer else { return }
            var element = range.lowerBound
            var block = UInt64(range.lowerBound / valuesPerBlock)
            while element < range.upperBound {
                let (w0, w1, w2, w3) = Philox4x32.blocks8(index: first &+ block, stream: frozen.stream, key: frozen.key)
                for lane in 0..<8 where element < range.upperBound {
                    let values = produce(SIMD4(w0[lane], w1[lane], w2[lane], w3[lane]))
                    for k in 0..<valuesPerBlock where element < range.upperBound {
                        pointer[element] = values[k]
                        element += 1
                    }
                }
                block &+= 8
            }
        }
    }
}

/// A raw pointer that may cross into concurrent chunks, each of which writes a disjoint range.
struct UnsafeSendablePointer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>?
    init(_ pointer: UnsafeMutablePointer<Float>?) { self.pointer = pointer }
}
