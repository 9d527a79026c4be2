import Experiments

/// `bars: TABLE x=COLUMN y=COLUMN [log-y]`: one bar per row of a table, labelled by column x,
/// with height column y.
struct BarsDisplay: Display {
    static let key = "bars"
    static let syntax = "bars: TABLE x=COLUMN y=COLUMN [log-y]"

    /// The table drawn.
    var table: String
    /// The label and height columns.
    var x: String, y: String
    /// A logarithmic value axis.
    var logY = false

    init(name: String, options: [String]) throws(DisplayError) {
        var x: String?, y: String?
        for option in options {
            if option.hasPrefix("x=") {
                x = String(option.dropFirst(2))
            } else if option.hasPrefix("y=") {
                y = String(option.dropFirst(2))
            } else if option == "log-y" {
                logY = true
            } else {
                throw DisplayError("unknown bars option '\(option)'; write '\(Self.syntax)'")
            }
        }
        guard let x, let y else {
            throw DisplayError("'bars:' needs x=COLUMN and y=COLUMN, e.g. 'bars: summary x=init y=final_train_loss'")
        }
        (table, self.x, self.y) = (name, x, y)
    }

    func problem(with outputs: ExperimentOutputs) -> String? {
        guard let declared = outputs.table(named: table) else {
            return "has no table '\(table)'; tables: \(ChapterRenderer.unique(outputs.tables.map(\.name)))"
        }
        let missing = [x, y].first { !declared.columns.contains($0) }
        return missing.map {
            "has no column '\($0)' in table '\(table)'; columns: \(declared.columns.joined(separator: ", "))"
        }
    }

    func render(_ block: ResultDisplays, line: Int, in renderer: inout ChapterRenderer) throws(WorkbookError) -> String
    {
        let result = try renderer.lookUpTable(table, block: block, line: line)
        guard let xIndex = result.columnIndex(x), let yIndex = result.columnIndex(y) else {
            let missing = result.columnIndex(x) == nil ? x : y
            throw WorkbookError(
                .display, file: renderer.file, line: line,
                "table '\(table)' has no column '\(missing)'; "
                    + "columns: \(result.columns.joined(separator: ", "))")
        }
        let bars = result.rows.map { row in
            SVGBarChart.Bar(
                label: xIndex < row.count ? row[xIndex].plainText : "",
                value: yIndex < row.count ? row[yIndex].doubleValue : nil)
        }
        let chart = SVGBarChart(title: "\(y) by \(x)", xLabel: x, yLabel: y, bars: bars, logY: logY)
        return renderer.figure(
            block: block, chart: chart,
            caption: block.caption ?? HTMLEscaping.text("\(block.captionPrefix): \(y) by \(x)"))
    }
}
