/// A histogram of values, one panel of a small-multiples figure.
///
/// Histograms with the same `group` form one figure; `label` (e.g. the
/// initialiser) picks the row and `panel` (e.g. `layer 3`) the column.
public struct ResultHistogram: Sendable, Equatable, Codable {
    /// The figure this histogram belongs to (e.g. `activations`).
    public var group: String
    /// The series label (e.g. the initialiser spec).
    public var label: String
    /// The panel title (e.g. `layer 3`).
    public var panel: String
    /// Bin edges, ascending; `edges.count == counts.count + 1`.
    public var edges: [Double]
    /// Number of values in each bin.
    public var counts: [Int]

    /// Creates a histogram from explicit edges and counts.
    public init(group: String, label: String, panel: String, edges: [Double], counts: [Int]) {
        self.group = group
        self.label = label
        self.panel = panel
        self.edges = edges
        self.counts = counts
    }

    /// Bins the finite `values` into `bins` equal bins over `range` (values outside are clamped into the end bins).
    public init(group: String, label: String, panel: String,
                values: [Float], range: ClosedRange<Double>, bins: Int) {
        let binCount = max(1, bins)
        let width = (range.upperBound - range.lowerBound) / Double(binCount)
        var counts = [Int](repeating: 0, count: binCount)
        for value in values where value.isFinite {
            let position = (Double(value) - range.lowerBound) / width
            let index = min(binCount - 1, max(0, Int(position.rounded(.down))))
            counts[index] += 1
        }
        let edges = (0...binCount).map { range.lowerBound + Double($0) * width }
        self.init(group: group, label: label, panel: panel, edges: edges, counts: counts)
    }
}
