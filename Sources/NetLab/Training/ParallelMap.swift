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
