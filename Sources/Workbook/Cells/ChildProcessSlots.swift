import Dispatch
import Synchronization
import WeightInit

/// The share of the ``WeightInit/ConcurrencyBudget`` that child processes (the compiler, chapter
/// programs) take: at most `workers` run at once, however deeply the builder's parallel loops
/// nest, and each is told (`WORKBOOK_JOBS`) how many threads it may use — the budget divided by
/// the children running when it starts, so one `workbook render` gets every core and a site
/// build's concurrent chapters one each.
final class ChildProcessSlots: Sendable {
    /// The process-wide slots.
    static let shared = ChildProcessSlots(workers: ConcurrencyBudget.workers)

    /// The slots in all.
    let workers: Int
    /// Children running now.
    private let running = Mutex(0)
    /// Blocks ``acquire()`` while every slot is taken.
    private let free: DispatchSemaphore

    /// `workers` slots.
    init(workers: Int) {
        self.workers = max(1, workers)
        free = DispatchSemaphore(value: self.workers)
    }

    /// Waits for a slot and returns the threads the child may use (at least 1).
    func acquire() -> Int {
        free.wait()
        let count = running.withLock { count in
            count += 1
            return count
        }
        return max(1, workers / count)
    }

    /// Returns a slot taken by ``acquire()``.
    func release() {
        running.withLock { $0 -= 1 }
        free.signal()
    }
}
