/// What an experiment's result contains, declared before it runs: its tables with their columns,
/// its line-chart (series) groups and its histogram groups.
///
/// Chapters' `table:`, `plot:`, `bars:` and `histograms:` keys are checked against the
/// declaration before anything runs, test doubles are generated from it, and the catalogue's
/// tests check every real result against it (``mismatches(in:)``).
public struct ExperimentOutputs: Sendable, Equatable {
    /// A declared table: its name and columns in order.
    public struct Table: Sendable, Equatable {
        /// The table's name (`layers`).
        public var name: String
        /// The column names, in order.
        public var columns: [String]

        /// Declares a table.
        public init(_ name: String, columns: [String]) {
            self.name = name
            self.columns = columns
        }
    }

    /// The tables, in the order the result lists them.
    public var tables: [Table]
    /// The series groups (one line chart each), in order.
    public var series: [String]
    /// The histogram groups, in order.
    public var histograms: [String]

    /// Declares the outputs.
    public init(tables: [Table], series: [String] = [], histograms: [String] = []) {
        self.tables = tables
        self.series = series
        self.histograms = histograms
    }

    /// The declared table called `name`.
    public func table(named name: String) -> Table? {
        tables.first { $0.name == name }
    }

    /// How `result` departs from the declaration: each missing or undeclared table, column order,
    /// series group and histogram group, one sentence each; empty when it conforms.
    public func mismatches(in result: ExperimentResult) -> [String] {
        var problems: [String] = []
        let tableNames = result.tables.map(\.name)
        if tableNames != tables.map(\.name) {
            problems.append("tables \(tableNames) differ from the declared \(tables.map(\.name))")
        }
        for table in result.tables {
            if let declared = self.table(named: table.name), declared.columns != table.columns {
                problems.append("table '\(table.name)' has columns \(table.columns), declared \(declared.columns)")
            }
        }
        func groups(_ names: [String]) -> [String] {
            names.reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        }
        let seriesGroups = groups(result.series.map(\.group))
        if seriesGroups != series {
            problems.append("series groups \(seriesGroups) differ from the declared \(series)")
        }
        let histogramGroups = groups(result.histograms.map(\.group))
        if histogramGroups != histograms {
            problems.append("histogram groups \(histogramGroups) differ from the declared \(histograms)")
        }
        return problems
    }
}

extension ResultTable {
    /// An empty table with the declared name and columns.
    public init(_ declaration: ExperimentOutputs.Table) {
        self.init(name: declaration.name, columns: declaration.columns)
    }
}
