import Experiments

/// `plot: GROUP [log-x] [log-y]`: every series of a group as one line chart (one line per label).
struct LineChartDisplay: Display {
    static let key = "plot"
    static let syntax = "plot: GROUP [log-x] [log-y]"

    /// The series group drawn.
    var group: String
    /// Logarithmic axes.
    var logX = false, logY = false

    /// The group on linear axes.
    init(group: String) {
        self.group = group
    }

    init(name: String, options: [String]) throws(DisplayError) {
        self.init(group: name)
        for option in options {
            switch option {
            case "log-x": logX = true
            case "log-y": logY = true
            default: throw DisplayError("unknown plot option '\(option)'; options: log-x, log-y")
            }
        }
    }

    func problem(with outputs: ExperimentOutputs) -> String? {
        outputs.series.contains(group)
            ? nil : "has no series group '\(group)'; groups: \(ChapterRenderer.unique(outputs.series))"
    }

    func render(_ block: ResultDisplays, line: Int, in renderer: inout ChapterRenderer) throws(WorkbookError) -> String
    {
        let series = block.result.series.filter { $0.group == group }
        guard let first = series.first else {
            throw WorkbookError(
                .display, file: renderer.file, line: line,
                "\(block.label) has no series group '\(group)'; "
                    + "groups: \(ChapterRenderer.unique(block.result.series.map(\.group)))")
        }
        var chart = SVGLineChart(
            title: "\(first.yLabel) by \(first.xLabel)", xLabel: first.xLabel, yLabel: first.yLabel,
            series: series, logX: logX, logY: logY)
        if let cover = block.cover[group] { chart.cover = cover }
        return renderer.figure(
            block: block, chart: chart,
            caption: block.caption
                ?? HTMLEscaping.text("\(first.yLabel) by \(first.xLabel) (\(block.captionPrefix))."))
    }
}
