import Experiments
import Foundation
import FoundationXML
import Testing
@testable import Workbook

@Suite("Math")
struct MathTests {
    @Test("the TeX subset converts to MathML")
    func conversions() throws {
        let fraction = try TeXToMathML.convert("\\frac{a}{b}", display: false, file: "f", line: 1)
        #expect(fraction.contains("<mfrac><mrow><mi>a</mi></mrow><mrow><mi>b</mi></mrow></mfrac>"))
        let scripts = try TeXToMathML.convert("x_i^2", display: false, file: "f", line: 1)
        #expect(scripts.contains("<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"))
        let greek = try TeXToMathML.convert("\\sigma \\le \\sqrt{2} \\cdot \\mathbb{E}", display: true, file: "f", line: 1)
        #expect(greek.hasPrefix("<math display=\"block\">"))
        #expect(greek.contains("<mi>σ</mi><mo>≤</mo><msqrt><mrow><mn>2</mn></mrow></msqrt><mo>⋅</mo><mi>𝔼</mi>"))
        let text = try TeXToMathML.convert("\\text{<b>}", display: false, file: "f", line: 1)
        #expect(text.contains("<mtext>&lt;b&gt;</mtext>"))
        for formula in [fraction, scripts, greek, text] {
            _ = try XMLDocument(xmlString: formula, options: [])
        }
    }

    @Test("errors name the line and the command")
    func errors() {
        let error = #expect(throws: WorkbookError.self) { try TeXToMathML.convert("\\nope", display: false, file: "f.md", line: 4) }
        #expect(error?.description.hasPrefix("f.md:4: unknown command '\\nope'") == true)
        #expect(throws: WorkbookError.self) { try TeXToMathML.convert("{x", display: false, file: "f", line: 1) }
        #expect(throws: WorkbookError.self) { try TeXToMathML.convert("\\left( x", display: false, file: "f", line: 1) }
    }

    @Test("the preprocessor skips code and keeps escaped dollars")
    func preprocessor() throws {
        let (text, formulas) = try MathPreprocessor.process("a `$x$` b \\$ c $y$\n\n```\n$z\n```\n", file: "f", firstLine: 1)
        #expect(formulas.count == 1)
        #expect(formulas.first?.tex == "y")
        #expect(text.contains("`$x$`") && text.contains("\\$") && text.contains("$z"))
    }

    @Test("Pandoc's dollar rule: a price is never maths",
          arguments: [
            ("It costs $5 and $6.", 0), ("From $20,000 to $30,000.", 0), ("A $ x$ and $x $ are text.", 0), ("$x$5 is text.", 0),
            ("A lone $ sign.", 0), ("Math $x$ here.", 1), ("Two $a$ and $b$.", 2), ("Between $5 and 6$ it is maths.", 1),
            ("Escaped \\$x$ is text.", 0), ("$a\\$b$ holds an escaped dollar.", 1), ("Display $$x$$ inline.", 1),
          ])
    func dollarRule(_ line: String, _ count: Int) throws {
        let (text, formulas) = try MathPreprocessor.process(line, file: "f", firstLine: 1)
        #expect(formulas.count == count, "\(formulas.map(\.tex))")
        if count == 0 { #expect(text == line) }
    }
}

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
        let series = ResultSeries(group: "g", label: "a", xLabel: "x", yLabel: "y", x: [1, 2, 3, 4], y: [1, .nan, 0, 2], divergedAt: 2)
        let svg = SVGLineChart(title: "t", xLabel: "x", yLabel: "y", series: [series], logY: true).render(id: "c")
        #expect(!svg.contains("NaN") && !svg.contains("inf"))
        #expect(svg.contains("a (diverged at step 2)"))
        _ = try XMLDocument(xmlString: svg, options: [])
        let bars = SVGBarChart(title: "b", xLabel: "x", yLabel: "y",
                               bars: [.init(label: "p", value: 2), .init(label: "q", value: nil)], logY: false).render(id: "b")
        #expect(bars.contains("n/a"))
        _ = try XMLDocument(xmlString: bars, options: [])
    }
}

@Suite("Directives")
struct DirectiveTests {
    @Test("references parse filters with parentheses, aggregates and formats")
    func referenceParsing() throws {
        let reference = try ValueReference.parse("=cs231n.layers[init=normal(std=0.01), layer=10].std|sci2", file: "f", line: 1)
        #expect(reference.id == "cs231n" && reference.table == "layers" && reference.column == "std")
        #expect(reference.filters == [RowFilter(column: "init", value: "normal(std=0.01)"), RowFilter(column: "layer", value: "10")])
        #expect(reference.format == .scientific(2))
        let aggregate = try ValueReference.parse("=a.t[init=xavier-normal].std@min", file: "f", line: 1)
        #expect(aggregate.aggregate == .min && aggregate.format == .significant(3))
    }

    @Test("value formats")
    func formats() {
        #expect(ValueFormat("sci2")?.format(3.0217e-7) == "3.02e-07")
        #expect(ValueFormat("fix3")?.format(0.12345) == "0.123")
        #expect(ValueFormat("sig3")?.format(0.0123456) == "0.0123")
        #expect(ValueFormat("int")?.format(9.6) == "10")
        #expect(ValueFormat("pct1")?.format(0.1234) == "12.3%")
        #expect(ValueFormat("sig0") == nil && ValueFormat("bogus") == nil)
    }

    @Test("number expressions")
    func expressions() throws {
        #expect(try NumberExpression.evaluate("2/(256+512)").get() == 2.0 / 768)
        #expect(try NumberExpression.evaluate("sqrt(4) * 1e-3").get() == 0.002)
        #expect(throws: NumberExpression.ExpressionError.self) { try NumberExpression.evaluate("2 +").get() }
    }

    @Test("a true variance claim reports the measured variance")
    func varianceClaim() throws {
        let claim = try ClaimBlock.parse(literal: "text: ok\nvariance: xavier-uniform shape=256x512 expected=2/(256+512) within=5 seed=7",
                                         line: 1, file: "f")
        let outcome = try ClaimEvaluator(resolver: ReferenceResolver(results: [:], ids: [], file: "f"), file: "f").evaluate(claim)
        #expect(outcome.measured.contains("131072 samples of xavier-uniform"))
        #expect(outcome.seed == 7)
    }

    @Test("source symbols include doc comments and the whole body")
    func symbols() throws {
        let lines = try String(contentsOf: TestSupport.fixtures.appendingPathComponent("SampleRepo/Sources/Demo/Demo.swift"), encoding: .utf8)
            .split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(SymbolLocator.range(of: "predictedStandardDeviation", in: lines) == 3...8)
        #expect(SymbolLocator.range(of: "var name", in: lines) == 10...11)
        #expect(SymbolLocator.range(of: "struct Demo", in: lines) == 1...12)
    }

    @Test("front matter records the body offset")
    func frontMatter() throws {
        let (front, body, offset) = try FrontMatter.split(TestSupport.chapter("Body"), file: "f")
        #expect(front.title == "Test" && front.order == 1 && front.objectives == ["Learn"])
        #expect(body == "Body" && offset == 7)
    }
}
