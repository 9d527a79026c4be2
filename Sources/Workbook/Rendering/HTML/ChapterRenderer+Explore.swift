import Dispatch
import Experiments
import Notebook
import Synchronization
import WeightInit

/// Explorable cells (`//| explore: …`): every combination of the grid is run at build time and
/// drawn into a `<template>`; a few lines of script (`site.js`) swap them when the reader moves
/// the controls. Without script the page shows the published combination, as any cell.
extension ChapterRenderer {
    /// A grid after its runs: the published combination and every other combination's result.
    struct ExploreOutcome: Sendable {
        var grid: ExploreGrid
        var published: [String: String]
        var variants: [(combination: [String: String], result: ExperimentResult)]
    }

    /// Runs every non-published combination of each explorable cell, up to that cell, in parallel
    /// (each run cached by the program key, the overrides and the stopping cell).
    mutating func runExploreGrids(
        _ cells: [SwiftCell], engine: CellEngine,
        overrides: [String: [String: String]]
    ) throws(WorkbookError) {
        for cell in cells {
            guard let grid = cell.explore, cell.output, overrides[cell.id] == nil,
                let outcome = cellOutcomes[cell.line]
            else { continue }
            let published = try grid.published(outcome.record.parameters, cell: cell.id, file: file)
            let pending = grid.combinations.filter { $0 != published }
            let results = Mutex([Int: Result<ExperimentResult, WorkbookError>]())
            let file = self.file
            ConcurrencyBudget.forEach(pending.count) { index in
                var runOverrides = overrides
                runOverrides[cell.id] = pending[index]
                let result: Result<ExperimentResult, WorkbookError>
                do throws(WorkbookError) {
                    let (run, _) = try engine.run(cells, file: file, overrides: runOverrides, through: cell.index)
                    if let drawn = run.records.last?.result, run.records.count == cell.index + 1 {
                        result = .success(drawn)
                    } else {
                        result = .failure(
                            WorkbookError(
                                .cell, file: file, line: grid.line,
                                "explore: cell '\(cell.id)' gave no result under \(grid.key(pending[index]))"))
                    }
                } catch {
                    result = .failure(error)
                }
                results.withLock { $0[index] = result }
            }
            let finished = results.withLock { $0 }
            var variants: [(combination: [String: String], result: ExperimentResult)] = []
            for index in pending.indices {
                switch finished[index] {
                case .success(let result)?: variants.append((pending[index], result))
                case .failure(let error)?:
                    throw WorkbookError(
                        error.kind, file: file, line: error.line ?? grid.line,
                        "explore \(grid.key(pending[index])): \(error.message)")
                case nil:
                    throw WorkbookError(
                        .cell, file: file, line: grid.line,
                        "explore: the run of \(grid.key(pending[index])) did not finish")
                }
            }
            exploreOutcomes[cell.line] = ExploreOutcome(grid: grid, published: published, variants: variants)
        }
    }

    /// The cell's displays with controls and one `<template>` per other combination; each
    /// combination's figures keep the published figures' numbers and anchors.
    mutating func renderExplorable(
        _ displays: ResultDisplays, explore: ExploreOutcome,
        cell: SwiftCell
    ) throws(WorkbookError) -> String {
        let grid = explore.grid
        var displays = displays
        // One scale for every setting: each line chart's axes cover the extremes of all settings.
        for result in [displays.result] + explore.variants.map(\.result) {
            for series in result.series {
                let finiteX = series.x.filter(\.isFinite)
                let finiteY = series.y.filter(\.isFinite)
                let positiveY = finiteY.filter { $0 > 0 }
                let positiveX = finiteX.filter { $0 > 0 }
                var extremes = displays.cover[series.group] ?? ([], [])
                extremes.x += [finiteX.min(), finiteX.max(), positiveX.min()].compactMap { $0 }
                extremes.y += [finiteY.min(), finiteY.max(), positiveY.min()].compactMap { $0 }
                displays.cover[series.group] = extremes
            }
        }
        let firstFigure = figureCount
        let firstTable = tableCount
        var html = "<div class=\"explore\" data-explore=\"\(HTMLEscaping.attribute(displays.id))\">\n"
        html += controlsHTML(grid, published: explore.published, id: displays.id)
        html +=
            "<div class=\"explore-view\" aria-live=\"polite\" "
            + "data-key=\"\(HTMLEscaping.attribute(grid.key(explore.published)))\">\n"
        html += try renderDisplays(displays)
        html += "</div>\n"
        let (lastFigure, lastTable) = (figureCount, tableCount)
        let publishedResolver = resolver
        defer { resolver = publishedResolver }
        for (combination, result) in explore.variants {
            figureCount = firstFigure
            tableCount = firstTable
            var results = publishedResolver.results
            results[displays.id] = result
            resolver = ReferenceResolver(results: results, ids: publishedResolver.ids, file: file)
            var variant = displays
            variant.result = result
            variant.downloads = false
            html += "<template data-key=\"\(HTMLEscaping.attribute(grid.key(combination)))\">\n"
            html += try renderVariantDisplays(variant, cell: cell)
            html += "</template>\n"
        }
        figureCount = lastFigure
        tableCount = lastTable
        return html + "</div>\n"
    }

    /// A combination's displays; one that cannot be drawn under it says so instead.
    /// Captions are rendered again, so their inline values are the combination's.
    private mutating func renderVariantDisplays(
        _ displays: ResultDisplays, cell: SwiftCell
    ) throws(WorkbookError) -> String {
        let strict = lenientOverride
        lenientOverride = true
        defer { lenientOverride = strict }
        var displays = displays
        if let caption = cell.caption {
            displays.caption = try renderFragment(caption.text, firstLine: caption.line, inline: true)
        }
        displays.captions = try renderDisplayCaptions(cell.displayCaptions)
        return try renderDisplays(displays)
    }

    /// A labelled slider (three or more numbers) or menu per axis, hidden until the script runs.
    private func controlsHTML(_ grid: ExploreGrid, published: [String: String], id: String) -> String {
        var html =
            "<div class=\"explore-controls\" hidden>\n<p class=\"explore-title\">Explore: each setting below was "
            + "computed at build time.</p>\n"
        for axis in grid.axes {
            let control = HTMLEscaping.attribute("explore-\(id)-\(axis.name)")
            let value = published[axis.name] ?? axis.values[0]
            html +=
                "<p class=\"explore-axis\"><label "
                + "for=\"\(control)\"><code>\(HTMLEscaping.text(axis.name))</code></label> "
            if ExploreGrid.isSlider(axis) {
                let position = axis.values.firstIndex(of: value) ?? 0
                let values = axis.values.map { "\"\(Self.jsonEscaped($0))\"" }.joined(separator: ",")
                html +=
                    "<input type=\"range\" id=\"\(control)\" data-axis=\"\(HTMLEscaping.attribute(axis.name))\" "
                    + "min=\"0\" max=\"\(axis.values.count - 1)\" step=\"1\" "
                    + "value=\"\(position)\" data-values=\"\(HTMLEscaping.attribute("[" + values + "]"))\" "
                    + "aria-valuetext=\"\(HTMLEscaping.attribute(value))\"> "
                    + "<output for=\"\(control)\">\(HTMLEscaping.text(value))</output>"
            } else {
                html += "<select id=\"\(control)\" data-axis=\"\(HTMLEscaping.attribute(axis.name))\">"
                for option in axis.values {
                    let selected = option == value ? " selected" : ""
                    html +=
                        "<option value=\"\(HTMLEscaping.attribute(option))\"\(selected)>"
                        + "\(HTMLEscaping.text(option))</option>"
                }
                html += "</select>"
            }
            html += "</p>\n"
        }
        return html + "</div>\n"
    }

    /// `text` escaped for a JSON string literal.
    private static func jsonEscaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
