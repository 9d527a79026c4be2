import Experiments

/// `histograms: GROUP`: a group's histograms as a grid, one row per run and one panel per layer.
struct HistogramsDisplay: Display {
    static let key = "histograms"
    static let syntax = "histograms: GROUP"

    /// The histogram group drawn.
    var group: String

    /// The group's grid.
    init(group: String) {
        self.group = group
    }

    init(name: String, options: [String]) throws(DisplayError) {
        guard options.isEmpty else {
            throw DisplayError(
                "'histograms:' takes only a group name, found '\(([name] + options).joined(separator: " "))'")
        }
        self.init(group: name)
    }

    func problem(with outputs: ExperimentOutputs) -> String? {
        outputs.histograms.contains(group)
            ? nil : "has no histogram group '\(group)'; groups: \(ChapterRenderer.unique(outputs.histograms))"
    }

    func render(_ block: ResultDisplays, line: Int, in renderer: inout ChapterRenderer) throws(WorkbookError) -> String
    {
        let histograms = block.result.histograms.filter { $0.group == group }
        guard !histograms.isEmpty else {
            throw WorkbookError(
                .display, file: renderer.file, line: line,
                "\(block.label) has no histogram group "
                    + "'\(group)'; groups: \(ChapterRenderer.unique(block.result.histograms.map(\.group)))")
        }
        let grid = SVGHistogramGrid(title: "Histograms of \(group)", histograms: histograms)
        return renderer.figure(
            block: block, chart: grid,
            caption: block.caption
                ?? HTMLEscaping.text(
                    "Histograms of \(group), one row per run, one panel per layer (\(block.captionPrefix))."))
    }
}
