/// A histogram of values, one panel of a small-multiples figure.
///
/// Histograms with the same `group` form one figure; `label` (e.g. the
/// initialiser) picks the row and `panel` (e.g. `layer 3`) the column. Values are binned by NetLab's
/// `Histogram` (`CatalogSupport.histogram`, the notebook's `histogram(…)`), which this type only records.
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
}
