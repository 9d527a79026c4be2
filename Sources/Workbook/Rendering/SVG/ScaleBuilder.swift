import Experiments

/// Chooses ticks for the drawable values of one axis.
struct ScaleBuilder {
    /// The ticks (and range) of the axis.
    let ticks: AxisTicks

    /// Ticks covering the finite values (positive ones on a log axis).
    init(values: [Double], logarithmic: Bool) {
        let usable = values.filter { $0.isFinite && (!logarithmic || $0 > 0) }
        let low = usable.min() ?? (logarithmic ? 1 : 0)
        let high = usable.max() ?? (logarithmic ? 10 : 1)
        ticks =
            logarithmic
            ? AxisTicks.logarithmic(minimum: low, maximum: high) : AxisTicks.linear(minimum: low, maximum: high)
    }
}
