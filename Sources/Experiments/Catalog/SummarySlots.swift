import Dispatch
import Foundation
import NetLab
import WeightInit

/// One summary (statistics and histogram) per layer, written once each by concurrent jobs.
final class SummarySlots: @unchecked Sendable {
    /// Guards ``slots``.
    private let lock = NSLock()
    /// One entry per layer, nil until its job finishes.
    private var slots: [(LayerStatistics, ResultHistogram?)?]

    /// `count` empty slots.
    init(count: Int) { slots = Array(repeating: nil, count: count) }

    /// Fills slot `index`.
    func set(_ index: Int, _ value: (LayerStatistics, ResultHistogram?)) {
        lock.lock()
        slots[index] = value
        lock.unlock()
    }

    /// The filled slots in index order.
    func values() -> [(LayerStatistics, ResultHistogram?)] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}
