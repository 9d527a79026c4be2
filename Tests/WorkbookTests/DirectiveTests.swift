import Experiments
import Foundation
import FoundationXML
import Testing

@testable import Workbook

@Suite("Directives")
struct DirectiveTests {
    @Test("references parse filters with parentheses, aggregates and formats")
    func referenceParsing() throws {
        let reference = try ValueReference.parse(
            "=cs231n.layers[init=normal(std=0.01), layer=10].std|sci2", file: "f", line: 1)
        #expect(reference.id == "cs231n" && reference.table == "layers" && reference.column == "std")
        #expect(
            reference.filters == [
                RowFilter(column: "init", value: "normal(std=0.01)"), RowFilter(column: "layer", value: "10"),
            ])
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
        let claim = try ClaimBlock.parse(
            literal: "text: ok\nvariance: xavier-uniform shape=256x512 expected=2/(256+512) within=5 seed=7",
            line: 1, file: "f")
        let outcome = try ClaimEvaluator(resolver: ReferenceResolver(results: [:], ids: [], file: "f"), file: "f")
            .evaluate(claim)
        #expect(outcome.measured.contains("131072 samples of xavier-uniform"))
        #expect(outcome.seed == 7)
    }

    @Test("source symbols include doc comments and the whole body")
    func symbols() throws {
        let lines = try String(
            contentsOf: TestSupport.fixtures.appendingPathComponent("SampleRepo/Sources/Demo/Demo.swift"),
            encoding: .utf8
        )
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
