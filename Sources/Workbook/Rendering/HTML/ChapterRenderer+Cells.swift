import Experiments
import Notebook

/// Swift cells: the code (shown, folded or hidden), what it printed, and its figures and tables.
extension ChapterRenderer {
    /// A cell after its chapter program ran.
    struct CellOutcome: Sendable {
        var cell: SwiftCell
        var record: CellRecord
        var output: String
        /// The cell's tables, series, histograms and notes.
        var result: ExperimentResult { record.result }
    }

    mutating func renderCell(line: Int) throws(WorkbookError) -> String {
        guard let outcome = cellOutcomes[line] else {
            throw WorkbookError(.cell, file: file, line: line, "the Swift cell on this line did not run")
        }
        let cell = outcome.cell
        var html = "<div class=\"cell\">\n"
        if cell.echo && !cell.shownCode.isEmpty {
            let code =
                "<pre class=\"cell-code\"><code "
                + "class=\"language-swift\">\(HTMLEscaping.text(cell.shownCode))</code></pre>\n"
            if cell.fold {
                let count = cell.shownCode.split(separator: "\n", omittingEmptySubsequences: false).count
                html +=
                    "<details class=\"cell-fold\">\n<summary>Show the Swift code (\(count) "
                    + "lines)</summary>\n\(code)</details>\n"
            } else {
                html += code
            }
        }
        if cell.output {
            if !outcome.output.isEmpty {
                html +=
                    "<pre class=\"cell-output\" aria-label=\"Output of the "
                    + "cell\"><samp>\(HTMLEscaping.text(outcome.output))</samp></pre>\n"
            }
            var captionHTML: String?
            if let caption = cell.caption {
                captionHTML = try renderFragment(caption.text, firstLine: caption.line, inline: true)
            }
            var displays = ResultDisplays(
                id: cell.id, label: "cell '\(cell.id)'", captionPrefix: "cell \(cell.id)",
                displays: cell.displays.isEmpty ? Self.defaultDisplays(outcome.result, line: cell.line) : cell.displays,
                caption: captionHTML, result: outcome.result)
            displays.captions = try renderDisplayCaptions(cell.displayCaptions)
            if let explore = exploreOutcomes[cell.line] {
                html += try renderExplorable(displays, explore: explore, cell: cell)
            } else {
                html += try renderDisplays(displays)
            }
            html += parametersHTML(outcome)
        }
        return html + "</div>\n"
    }

    /// Without display options a cell draws every table, line-chart group and histogram group it showed.
    static func defaultDisplays(_ result: ExperimentResult, line: Int) -> [DisplayItem] {
        var seen: Set<String> = []
        var displays = result.tables.map { DisplayItem(display: TableDisplay(name: $0.name), line: line) }
        for series in result.series where seen.insert("s " + series.group).inserted {
            displays.append(DisplayItem(display: LineChartDisplay(group: series.group), line: line))
        }
        for histogram in result.histograms where seen.insert("h " + histogram.group).inserted {
            displays.append(DisplayItem(display: HistogramsDisplay(group: histogram.group), line: line))
        }
        return displays
    }

    /// The cell's parameters and the command that rebuilds the chapter with other values.
    private func parametersHTML(_ outcome: CellOutcome) -> String {
        let parameters = outcome.record.parameters
        guard !parameters.isEmpty else { return "" }
        let listed = parameters.map {
            "<code>\(HTMLEscaping.text($0.name))</code> = <code>\(HTMLEscaping.text($0.value))</code>"
        }
        let example = parameters.map { (key: "\(outcome.cell.id).\($0.name)", value: $0.value) }
        // The example sets a plain number when the cell has one (lists need quoting).
        let simple = example.first { Double($0.value) != nil } ?? example[0]
        let command = RerunCommand.render(chapter: file, overrides: [simple])
        return "<div class=\"rerun\">\n<p>Parameters of this cell: \(listed.joined(separator: ", ")). "
            + "Rebuild the chapter with other values (<code>--set "
            + "\(HTMLEscaping.text(outcome.cell.id)).NAME=VALUE</code>, repeatable):</p>\n"
            + "<pre><code>\(HTMLEscaping.text(command))</code></pre>\n</div>\n"
    }

    /// Compiles and runs the chapter's cells (once per chapter) and records each cell's outcome.
    mutating func runCells(_ cells: [SwiftCell]) throws(WorkbookError) -> Bool {
        guard !cells.isEmpty else { return false }
        guard let cellEngine else {
            throw WorkbookError(.cell, file: file, line: cells[0].line, "this renderer cannot run Swift cells")
        }
        var overridesByID: [String: [String: String]] = [:]
        for override in overrides where cells.contains(where: { $0.id == override.id }) {
            overridesByID[override.id, default: [:]][override.key] = override.value
        }
        let (run, cached) = try cellEngine.run(cells, file: file, overrides: overridesByID)
        for (index, cell) in cells.enumerated() {
            let record = run.records[index]
            for (name, _) in overridesByID[cell.id] ?? [:] where !record.parameters.contains(where: { $0.name == name })
            {
                let declared = record.parameters.map(\.name)
                throw WorkbookError(
                    .override, file: file, line: cell.line,
                    "--set \(cell.id).\(name): cell '\(cell.id)' has no parameter '\(name)'; parameters: "
                        + (declared.isEmpty
                            ? "(none; declare one with parameter(\"\(name)\", …))" : declared.joined(separator: ", "))
                )
            }
            if let seed = record.parameters.first(where: { $0.name == "seed" }), let value = UInt64(seed.value) {
                seeds.insert(value)
            }
            cellOutcomes[cell.line] = CellOutcome(cell: cell, record: record, output: run.outputs[index])
        }
        try runExploreGrids(cells, engine: cellEngine, overrides: overridesByID)
        return cached
    }
}
