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
        let greek = try TeXToMathML.convert(
            "\\sigma \\le \\sqrt{2} \\cdot \\mathbb{E}", display: true, file: "f", line: 1)
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
        let error = #expect(throws: WorkbookError.self) {
            try TeXToMathML.convert("\\nope", display: false, file: "f.md", line: 4)
        }
        #expect(error?.description.hasPrefix("f.md:4: unknown command '\\nope'") == true)
        #expect(throws: WorkbookError.self) { try TeXToMathML.convert("{x", display: false, file: "f", line: 1) }
        #expect(throws: WorkbookError.self) { try TeXToMathML.convert("\\left( x", display: false, file: "f", line: 1) }
    }

    @Test("the preprocessor skips code and keeps escaped dollars")
    func preprocessor() throws {
        let (text, formulas) = try MathPreprocessor.process(
            "a `$x$` b \\$ c $y$\n\n```\n$z\n```\n", file: "f", firstLine: 1)
        #expect(formulas.count == 1)
        #expect(formulas.first?.tex == "y")
        #expect(text.contains("`$x$`") && text.contains("\\$") && text.contains("$z"))
    }

    @Test(
        "Pandoc's dollar rule: a price is never maths",
        arguments: [
            ("It costs $5 and $6.", 0), ("From $20,000 to $30,000.", 0), ("A $ x$ and $x $ are text.", 0),
            ("$x$5 is text.", 0),
            ("A lone $ sign.", 0), ("Math $x$ here.", 1), ("Two $a$ and $b$.", 2),
            ("Between $5 and 6$ it is maths.", 1),
            ("Escaped \\$x$ is text.", 0), ("$a\\$b$ holds an escaped dollar.", 1), ("Display $$x$$ inline.", 1),
        ])
    func dollarRule(_ line: String, _ count: Int) throws {
        let (text, formulas) = try MathPreprocessor.process(line, file: "f", firstLine: 1)
        #expect(formulas.count == count, "\(formulas.map(\.tex))")
        if count == 0 { #expect(text == line) }
    }
}
