/// One labelled line of x/y points, drawn in a line chart.
///
/// Series with the same `group` belong in the same figure (e.g. group `loss`,
/// one series per initialiser). Only finite points are stored; a run that
/// produced a non-finite value records the step in `divergedAt`.
public struct ResultSeries: Sendable, Equatable, Codable {
    /// The figure this series belongs to (e.g. `std_by_layer`, `loss`).
    public var group: String
    /// The legend label (usually the initialiser spec).
    public var label: String
    /// Name of the x quantity (e.g. `layer`, `epoch`).
    public var xLabel: String
    /// Name of the y quantity (e.g. `std`, `loss`).
    public var yLabel: String
    /// x coordinates.
    public var x: [Double]
    /// y coordinates; same count as `x`, all finite.
    public var y: [Double]
    /// The training step (1-based) at which a non-finite value appeared, if any.
    public var divergedAt: Int?

    /// Creates a series, dropping any point whose x or y is not finite.
    public init(
        group: String, label: String, xLabel: String, yLabel: String,
        x: [Double], y: [Double], divergedAt: Int? = nil
    ) {
        self.group = group
        self.label = label
        self.xLabel = xLabel
        self.yLabel = yLabel
        var keptX: [Double] = []
        var keptY: [Double] = []
        for (px, py) in zip(x, y) where px.isFinite && py.isFinite {
            keptX.append(px)
            keptY.append(py)
        }
        self.x = keptX
        self.y = keptY
        self.divergedAt = divergedAt
    }
}
