import Experiments

/// What one Swift cell produced: its declared parameters and its tables, series, histograms and notes.
public struct CellRecord: Codable, Sendable, Equatable {
    /// The cell's position among the chapter's cells (0-based).
    public var index: Int
    /// The cell's id (`//| id: NAME`, or `cell-N`).
    public var id: String
    /// The parameters the cell declared with ``parameter(_:_:_:)``, in declaration order.
    public var parameters: [CellParameter]
    /// The shown tables, series, histograms and notes.
    public var result: ExperimentResult
    /// The outcomes of the cell's `check(…)` calls (exercise checks), in order.
    public var checks: [CheckResult] = []

    /// Creates a record.
    public init(index: Int, id: String, parameters: [CellParameter], result: ExperimentResult) {
        self.index = index
        self.id = id
        self.parameters = parameters
        self.result = result
    }
}
