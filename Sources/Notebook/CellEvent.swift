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
