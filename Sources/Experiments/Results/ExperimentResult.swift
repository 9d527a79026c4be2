/// Everything one experiment run produced, with every parameter echoed so the
/// run can be reproduced from its output alone.
public struct ExperimentResult: Sendable, Equatable, Codable {
    /// The experiment's registry name (e.g. `forward-stats`).
    public var experiment: String
    /// Every parameter with the value used (defaults included), in declaration order.
    public var parameters: [ParameterSetting]
    /// Named tables.
    public var tables: [ResultTable]
    /// Line-chart series.
    public var series: [ResultSeries]
    /// Histograms for small-multiple figures.
    public var histograms: [ResultHistogram]
    /// Human-readable remarks (e.g. "xavier-normal diverged at step 12").
    public var notes: [String]

    /// Creates a result.
    public init(
        experiment: String, parameters: [ParameterSetting], tables: [ResultTable] = [],
        series: [ResultSeries] = [], histograms: [ResultHistogram] = [], notes: [String] = []
    ) {
        self.experiment = experiment
        self.parameters = parameters
        self.tables = tables
        self.series = series
        self.histograms = histograms
        self.notes = notes
    }

    /// The table named `name`, or nil.
    public func table(named name: String) -> ResultTable? {
        tables.first { $0.name == name }
    }
}
