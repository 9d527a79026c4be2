import Experiments

/// One line of the protocol between a chapter program and the renderer that runs it.
///
/// A chapter program appends one JSON object per line to the file named by
/// `WORKBOOK_CELL_PROTOCOL`: `started` once, then `begin` and `end` for every cell in order,
/// or `failed` when a cell misuses the notebook API. A program that traps or is stopped
/// leaves a `begin` without its `end`, which tells the renderer which cell was running. Lines are
/// written and read with ``ResultCoding``, so the results they carry are exact (lossless `Codable`).
public enum CellEvent: Codable, Sendable, Equatable {
    /// The program started; `program` is the key it was compiled for (a stale binary reports another).
    case started(program: String)
    /// Cell `index` (0-based, document order) began.
    case begin(index: Int)
    /// Cell `index` finished with this record.
    case end(CellRecord)
    /// Cell `index` stopped with an error raised by the notebook API (bad parameter, malformed table).
    case failed(index: Int, message: String)
}

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

/// A parameter a cell declared: its name, the value used and the default written in the chapter.
public struct CellParameter: Codable, Sendable, Equatable {
    /// The name used in `--set ID.NAME=VALUE`.
    public var name: String
    /// The value used in this run, in `--set` syntax.
    public var value: String
    /// The default, in `--set` syntax.
    public var defaultValue: String
    /// One line of help (may be empty).
    public var help: String

    /// Creates a parameter description.
    public init(name: String, value: String, defaultValue: String, help: String) {
        self.name = name
        self.value = value
        self.defaultValue = defaultValue
        self.help = help
    }
}
