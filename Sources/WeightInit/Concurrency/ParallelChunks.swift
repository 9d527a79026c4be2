import Dispatch

/// Splits index ranges into fixed chunks and runs them concurrently.
///
/// Chunk boundaries depend only on the total count and the chunk size, never on
/// the number of threads, so any per-element computation that depends only on the
/// element's index gives identical results whichever way the work is scheduled.
package enum ParallelChunks {
    /// Calls `body` once per chunk `[start, min(start + chunkSize, count))`, concurrently within
    /// the process's ``ConcurrencyBudget`` when there is more than one chunk. `chunkSize` must be positive.
    package static func forEach(count: Int, chunkSize: Int, _ body: @Sendable (Range<Int>) -> Void) {
        guard count > 0 else { return }
        let size = max(1, chunkSize)
        let chunks = (count + size - 1) / size
        if chunks == 1 {
            body(0..<count)
            return
        }
        ConcurrencyBudget.forEach(chunks) { chunk in
            let start = chunk * size
            body(start..<min(count, start + size))
        }
    }
}
