/// One named benchmark: a unit of work timed by ``BenchmarkRunner``.
public struct BenchmarkCase: Sendable {
    /// Stable name shared with the NumPy reference script (e.g. `fill-normal-4096x4096`).
    public let name: String
    /// What is measured, in one line.
    public let summary: String
    /// Work per run for a throughput column (e.g. FLOPs of a matrix product), or nil.
    public let operations: Double?
    /// The name of the case that times only this case's matrix products (its floor), or nil:
    /// `workbook bench` reports this case's time divided by the floor's, round by round.
    public let floor: String?
    /// Prepares state once and returns the closure that performs one timed run.
    public let prepare: @Sendable () throws -> @Sendable () throws -> Void

    /// Creates a case.
    public init(
        name: String, summary: String, operations: Double? = nil, floor: String? = nil,
        prepare: @escaping @Sendable () throws -> @Sendable () throws -> Void
    ) {
        self.name = name
        self.summary = summary
        self.operations = operations
        self.floor = floor
        self.prepare = prepare
    }
}
