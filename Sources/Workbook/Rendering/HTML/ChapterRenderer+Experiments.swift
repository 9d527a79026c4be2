import Experiments

/// Experiment blocks and cell outputs: numbered tables and figures; one rerun box per block.
extension ChapterRenderer {
    /// The displays of the experiment block whose fence is on `line`, drawn from its run.
    mutating func renderExperiment(line: Int) throws(WorkbookError) -> String {
        guard let id = experimentIDs[line], let (run, result) = runs[id] else {
            throw WorkbookError(.experiment, file: file, line: line, "the experiment block did not run")
        }
        let block = run.block
        if block.hidden { return "" }
        var captionHTML: String?
        if let caption = block.caption {
            captionHTML = try renderFragment(caption.text, firstLine: caption.line, inline: true)
        }
        var displays = ResultDisplays(
            id: block.id, label: "experiment '\(block.experiment)' (id \(block.id))",
            captionPrefix: block.experiment, displays: block.displays, caption: captionHTML,
            result: result)
        displays.captions = try renderDisplayCaptions(block.displayCaptions)
        let html = try renderDisplays(displays)
        return html.isEmpty ? "" : html + rerunHTML(run)
    }

    /// Every display of `block`, each a numbered figure or table.
    mutating func renderDisplays(_ block: ResultDisplays) throws(WorkbookError) -> String {
        var block = block
        if isOverridden(block.id) {
            let flag = " <span class=\"caption-published\">(This caption describes the published parameters.)</span>"
            block.caption = block.caption.map { $0 + flag }
            block.captions = block.captions.mapValues { $0 + flag }
        }
        var html = ""
        for (index, display) in block.displays.enumerated() {
            var single = block
            if let own = block.captions[index] { single.caption = own }
            do throws(WorkbookError) {
                html += try renderDisplay(display, block: single)
            } catch  where lenient {
                html +=
                    "<p class=\"missing-display\">This figure or table cannot be drawn under these parameters: "
                    + "\(HTMLEscaping.text(error.message))</p>\n"
            }
        }
        return html
    }

    private mutating func renderDisplay(_ display: DisplayItem, block: ResultDisplays) throws(WorkbookError) -> String {
        try display.display.render(block, line: display.line, in: &self)
    }

    /// Each display's own caption rendered as inline Markdown.
    mutating func renderDisplayCaptions(
        _ captions: [Int: (text: String, line: Int)]
    ) throws(WorkbookError) -> [Int: String] {
        var rendered: [Int: String] = [:]
        for (index, caption) in captions {
            rendered[index] = try renderFragment(caption.text, firstLine: caption.line, inline: true)
        }
        return rendered
    }

    /// The distinct `values` in order, comma-separated (`(none)` when empty).
    static func unique(_ values: [String]) -> String {
        var seen: Set<String> = []
        let list = values.filter { seen.insert($0).inserted }
        return list.isEmpty ? "(none)" : list.joined(separator: ", ")
    }

    /// The result table `name` of `block`, or an error at `line` listing its tables.
    func lookUpTable(_ name: String, block: ResultDisplays, line: Int) throws(WorkbookError) -> ResultTable {
        guard let table = block.result.table(named: name) else {
            throw WorkbookError(
                .display, file: file, line: line,
                "\(block.label) has no table '\(name)'; tables: \(Self.unique(block.result.tables.map(\.name)))")
        }
        return table
    }

    /// A numbered figure of `chart` with `caption` (HTML).
    mutating func figure(block: ResultDisplays, chart: some Chart, caption: String) -> String {
        figureCount += 1
        let id = "fig-\(block.id)-\(figureCount)"
        return
            "<figure class=\"chart-figure\" id=\"\(id)\">\n<div "
            + "class=\"figure-scroll\">\n\(chart.render(id: id + "-svg"))\n</div>\n"
            + "<figcaption><a class=\"anchor\" href=\"#\(id)\">Figure \(figureCount).</a> "
            + "\(caption)</figcaption>\n</figure>\n"
    }

    /// A numbered table of `name`'s chosen columns and matching rows, with its downloads.
    mutating func renderTable(
        name: String, columns: [String]?, filters: [RowFilter], line: Int,
        block: ResultDisplays
    ) throws(WorkbookError) -> String {
        let table = try lookUpTable(name, block: block, line: line)
        var columnIndices: [Int] = []
        for column in columns ?? table.columns {
            guard let index = table.columnIndex(column) else {
                throw WorkbookError(
                    .display, file: file, line: line,
                    "table '\(name)' has no column '\(column)'; columns: \(table.columns.joined(separator: ", "))")
            }
            columnIndices.append(index)
        }
        let rows = try CellMatcher.rows(
            of: table, matching: filters, context: "'table: \(name)'", file: file, line: line)
        tableCount += 1
        let id = "tab-\(block.id)-\(tableCount)"
        let captionText = block.caption ?? HTMLEscaping.text("\(block.captionPrefix): table \(name)")
        let base = "data/\(chapter.name)/\(block.id)-\(name)"
        var html = "<figure class=\"table-figure\" id=\"\(id)\">\n<div class=\"table-scroll\">\n"
        html += TableHTML.render(
            table, columns: columnIndices, rows: rows,
            caption: "<a class=\"anchor\" href=\"#\(id)\">Table \(tableCount).</a> \(captionText)")
        html += "</div>\n"
        guard block.downloads else { return html + "</figure>\n" }
        html +=
            "<p class=\"downloads\">Download the full table: <a href=\"\(HTMLEscaping.attribute(base)).csv\">CSV</a> "
            + "· <a href=\"\(HTMLEscaping.attribute(base)).json\">JSON</a></p>\n"
        return html + "</figure>\n"
    }

    /// The commands that reproduce a block's output.
    private func rerunHTML(_ run: PreparedRun) -> String {
        let runCommand = RerunCommand.run(experiment: run.block.experiment, nonDefault: run.nonDefault)
        let renderCommand = RerunCommand.render(
            chapter: file, overrides: run.overrides.map { (key: "\($0.id).\($0.key)", value: $0.value) })
        return
            "<div class=\"rerun\">\n<p>Rerun this "
            + "experiment:</p>\n<pre><code>\(HTMLEscaping.text(runCommand))</code></pre>\n"
            + "<p>Rebuild this chapter (change a parameter with <code>--set "
            + "\(HTMLEscaping.text(run.block.id)).KEY=VALUE</code>):</p>\n"
            + "<pre><code>\(HTMLEscaping.text(renderCommand))</code></pre>\n</div>\n"
    }
}
