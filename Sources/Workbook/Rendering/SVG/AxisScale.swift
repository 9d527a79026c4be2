import Foundation

/// Maps data values to pixel positions on a linear or logarithmic axis.
struct AxisScale {
    /// The data value at `start`.
    var lower: Double
    /// The data value at `end`.
    var upper: Double
    /// Whether the axis is logarithmic (base 10).
    var logarithmic: Bool
    /// The pixel coordinate of `lower`.
    var start: Double
    /// The pixel coordinate of `upper`.
    var end: Double

    /// The pixel position of `value`, or nil if it cannot be drawn (non-finite, or ≤ 0 on a log axis).
    func position(_ value: Double) -> Double? {
        guard value.isFinite else { return nil }
        let fraction: Double
        if logarithmic {
            guard value > 0, lower > 0, upper > lower else { return nil }
            fraction = (log10(value) - log10(lower)) / (log10(upper) - log10(lower))
        } else {
            guard upper > lower else { return nil }
            fraction = (value - lower) / (upper - lower)
        }
        return start + fraction * (end - start)
    }

    /// Whether `value` can be drawn on this axis.
    func canDraw(_ value: Double) -> Bool {
        value.isFinite && (!logarithmic || value > 0)
    }
}
