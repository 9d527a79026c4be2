import WeightInit

/// Runs independent jobs concurrently and collects their results in index order, so the
/// output does not depend on scheduling (each job must itself be deterministic).
package enum ParallelMap {
    /// `[body(0), body(1), …, body(count − 1)]`, computed concurrently.
    package static func map<T: Sendable>(count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        ParallelChunks.forEach(count: count, chunkSize: 1) { range in
            for index in range { slots.set(index, body(index)) }
        }
        return slots.values()
    }
}

/// Write-once result slots, one per job; each index is written by exactly one job.
final class Slots<T: Sendable>: @unchecked Sendable {
    private var storage: UnsafeMutableBufferPointer<T?>

    init(count: Int) {
        storage = .allocate(capacity: max(0, count))
        storage.initialize(repeating: nil)
    }

    deinit {
        storage.deinitialize()
        storage.deallocate()
    }

    func set(_ index: Int, _ value: T) { storage[index] = value }

    func values() -> [T] { storage.compactMap { $0 } }
}
