import Synchronization
import Testing

@testable import WeightInit

/// The process's one concurrency budget.
@Suite struct ConcurrencyBudgetTests {
    /// Every index runs exactly once, never more than `workers` at the same time.
    @Test(arguments: [0, 1, 2, 7, 100])
    func everyIndexRunsOnceWithinTheBudget(_ iterations: Int) {
        let visits = Mutex([Int](repeating: 0, count: iterations))
        let active = Atomic<Int>(0), peak = Atomic<Int>(0)
        ConcurrencyBudget.forEach(iterations) { index in
            let now = active.add(1, ordering: .relaxed).newValue
            peak.max(now, ordering: .relaxed)
            visits.withLock { $0[index] += 1 }
            var spin = 0.0
            for step in 0..<20_000 { spin += Double(step) }  // keep the job alive long enough to overlap
            if spin < 0 { visits.withLock { $0[index] += 1 } }
            active.subtract(1, ordering: .relaxed)
        }
        #expect(visits.withLock { $0 } == [Int](repeating: 1, count: iterations))
        #expect(peak.load(ordering: .relaxed) <= ConcurrencyBudget.workers)
    }

    /// Chunked fills give the same bits however many threads run them (here: all at once vs one
    /// chunk per call), since chunk boundaries depend only on the sizes.
    @Test func parallelChunksCoverTheRangeInFixedChunks() {
        let chunks = Mutex([Range<Int>]())
        ParallelChunks.forEach(count: 1_000, chunkSize: 96) { range in chunks.withLock { $0.append(range) } }
        let sorted = chunks.withLock { $0 }.sorted { $0.lowerBound < $1.lowerBound }
        #expect(sorted.first?.lowerBound == 0 && sorted.last?.upperBound == 1_000)
        #expect(zip(sorted, sorted.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect(sorted.dropLast().allSatisfy { $0.count == 96 })
    }
}
