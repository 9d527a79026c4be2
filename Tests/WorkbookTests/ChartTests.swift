import Experiments
import Foundation
import FoundationXML
import Testing

@testable import Workbook

@Suite("Charts")
struct ChartTests {
    @Test("linear ticks are 1-2-5 multiples covering the data")
    func linearTicks() {
        let ticks = AxisTicks.linear(minimum: 0.13, maximum: 0.97)
        #expect(ticks.labels == ["0", "0.2", "0.4", "0.6", "0.8", "1.0"])
        let big = AxisTicks.linear(minimum: 0, maximum: 230)
        #expect(big.labels == ["0", "50", "100", "150", "200", "250"])
        #expect(AxisTicks.niceStep(0.03) == 0.05)
    }

    @Test("log ticks are powers of ten")
    func logTicks() {
        let ticks = AxisTicks.logarithmic(minimum: 1e-6, maximum: 1)
        #expect(ticks.labels == ["1e-6", "1e-5", "1e-4", "0.001", "0.01", "0.1", "1"])
        let narrow = AxisTicks.logarithmic(minimum: 0.3, maximum: 4)
        #expect(narrow.labels == ["0.1", "0.2", "0.5", "1", "2", "5", "10"])
    }

    @Test("non-finite and non-positive values are never drawn")
    func nonFinite() throws {
        let series = ResultSeries(
            group: "g", label: "a", xLabel: "x", yLabel: "y", x: [1, 2, 3, 4], y: [1, .nan, 0, 2], divergedAt: 2)
        let svg = SVGLineChart(title: "t", xLabel: "x", yLabel: "y", series: [series], logY: true).render(id: "c")
        #expect(!svg.contains("NaN") && !svg.contains("inf"))
        #expect(svg.contains("a (diverged at step 2)"))
        _ = try XMLDocument(xmlString: svg, options: [])
        let bars = SVGBarChart(
            title: "b", xLabel: "x", yLabel: "y",
            bars: [.init(label: "p", value: 2), .init(label: "q", value: nil)], logY: false
        ).render(id: "b")
        #expect(bars.contains("n/a"))
        _ = try XMLDocument(xmlString: bars, options: [])
    }
}
