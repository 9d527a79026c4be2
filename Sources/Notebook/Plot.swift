import Experiments
import NetLab

/// A number that can be an x or y coordinate of a plotted point.
public protocol PlotCoordinate {
    /// The coordinate as a Double.
    var plotValue: Double { get }
}

extension Int: PlotCoordinate {
    public var plotValue: Double { Double(self) }
}

extension Double: PlotCoordinate {
    public var plotValue: Double { self }
}

extension Float: PlotCoordinate {
    public var plotValue: Double { Double(self) }
}

/// Adds one line to the line chart `group` of the current cell (`//| plot: GROUP [log-y]`).
///
/// Points whose x or y is not finite are dropped; pass `divergedAt` (a training step) to mark
/// a run that diverged in the legend.
/// ```swift
/// plot("std", label: "xavier-normal", x: layers, y: stds, xLabel: "layer", yLabel: "std")
/// ```
public func plot<X: PlotCoordinate, Y: PlotCoordinate>(
    _ group: String, label: String, x: [X], y: [Y], xLabel: String = "x", yLabel: String = "y", divergedAt: Int? = nil
) {
    guard x.count == y.count else {
        CellRuntime.fail("plot '\(group)', line '\(label)': \(x.count) x values but \(y.count) y values")
    }
    let series = ResultSeries(
        group: group, label: label, xLabel: xLabel, yLabel: yLabel,
        x: x.map(\.plotValue), y: y.map(\.plotValue), divergedAt: divergedAt)
    CellRuntime.record { $0.series.append(series) }
}

/// Adds one histogram panel to the small-multiples figure `group` (`//| histograms: GROUP`):
/// row `label`, column `panel`, `bins` equal bins over `range` (default: fitted to the values,
/// symmetric about 0 when they take both signs). Values outside the range fall in the end bins.
public func histogram(
    _ group: String, label: String, panel: String, values: [Float], range: ClosedRange<Double>? = nil, bins: Int = 40
) {
    guard bins >= 1 else { CellRuntime.fail("histogram '\(group)': bins must be at least 1, not \(bins)") }
    let symmetric = values.contains { $0 < 0 }
    let binned = Histogram(
        values: values, range: range ?? Histogram.fittingRange(values, symmetric: symmetric), bins: bins)
    let histogram = ResultHistogram(
        group: group, label: label, panel: panel, edges: binned.edges, counts: binned.counts)
    CellRuntime.record { $0.histograms.append(histogram) }
}

/// Adds a remark to the current cell's result (shown with its figures).
public func note(_ text: String) {
    CellRuntime.record { $0.notes.append(text) }
}
