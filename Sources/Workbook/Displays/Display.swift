import Experiments

/// One kind of display an experiment block or a Swift cell can ask for (`table:`, `plot:`, …):
/// how its spec is parsed, how it is checked against an experiment's declared outputs before
/// anything runs, and how it is drawn. A new plot type is one file conforming to this protocol
/// (usually drawing a ``Chart``) plus one line in ``DisplayItem/kinds``.
protocol Display: Sendable {
    /// The option key (`plot`), as written in `plot: std log-y`.
    static var key: String { get }
    /// The syntax shown in error messages (`plot: GROUP [log-x] [log-y]`).
    static var syntax: String { get }
    /// Parses the spec after the key: the first word `name` and the options after it; throws a
    /// message naming the bad option and the valid ones.
    init(name: String, options: [String]) throws(DisplayError)
    /// A message when the display asks for something `outputs` does not declare (a missing
    /// table, column or group), nil when it fits; checked before the experiment runs.
    func problem(with outputs: ExperimentOutputs) -> String?
    /// The HTML of the display (a numbered figure or table) drawn from `block`'s result;
    /// errors name `line`.
    func render(_ block: ResultDisplays, line: Int, in renderer: inout ChapterRenderer) throws(WorkbookError) -> String
}
