import Dispatch
import Foundation
import Synchronization

/// The one concurrency budget of a process: how many threads its parallel work may keep busy.
///
/// Parallelism nests (a site build renders chapters, a chapter runs explore settings and chapter
/// programs, a program trains networks, a training step splits matrix products into chunks);
/// every level goes through this budget, so the total stays near ``workers`` instead of
/// multiplying. Results never depend on it: chunk boundaries depend only on the sizes
/// (``ParallelChunks``), so `WORKBOOK_JOBS=1` gives the same bits as the default.
package enum ConcurrencyBudget {
    /// The environment variable that sets ``workers`` (a positive integer).
    package static let environmentKey = "WORKBOOK_JOBS"

    /// Threads the process may keep busy: `WORKBOOK_JOBS` when it is a positive integer,
    /// otherwise the active processors (read once).
    package static let workers: Int = {
        if let text = ProcessInfo.processInfo.environment[environmentKey], let value = Int(text), value > 0 {
            return value
        }
        return max(1, ProcessInfo.processInfo.activeProcessorCount)
    }()

    /// Calls `body` for every index in `0..<iterations`, on at most ``workers`` threads at once
    /// (on the calling thread when the budget or the work is one); returns when all are done.
    package static func forEach(_ iterations: Int, _ body: @Sendable (Int) -> Void) {
        guard iterations > 0 else { return }
        let strands = min(workers, iterations)
        if strands == 1 {
            for index in 0..<iterations { body(index) }
            return
        }
        if strands == iterations {
            DispatchQueue.concurrentPerform(iterations: iterations, execute: body)
            return
        }
        // Each strand takes the next index until none is left: at most `strands` run at once.
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: strands) { _ in
            while true {
                let index = next.add(1, ordering: .relaxed).oldValue
                guard index < iterations else { return }
                body(index)
            }
        }
    }
}
