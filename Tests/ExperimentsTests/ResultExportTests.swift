import Experiments
import Foundation
import Testing

/// The published exports: one CSV writer (``ResultTable/csvText()``) and one JSON writer (``JSONValue``),
/// used by `workbook run --format csv|json` and the site's table downloads.
@Suite("Result exports")
struct ResultExportTests {
    static let table = ResultTable(
        name: "layers", columns: ["init", "layer", "std", "note"],
        rows: [
            [.text("normal(std=0.01)"), .integer(1), .number(12), .missing],
            [.text("[a, b]"), .integer(-2), .number(0.1), .text("say \"hi\"")],
            [.text("x\r\ny"), .integer(0), .number(3.0517578125e-05), .number(.nan)],
            [.text("\"\u{301}"), .integer(Int.max), .number(1e16), .number(-0.0)],
        ])

    @Test("CSV is RFC 4180 with CRLF, shortest numbers and empty fields for missing or non-finite cells")
    func tableCSV() {
        let expected =
            "init,layer,std,note\r\n"
            + "normal(std=0.01),1,12,\r\n"
            + "\"[a, b]\",-2,0.1,\"say \"\"hi\"\"\"\r\n"
            + "\"x\r\ny\",0,3.0517578125e-05,\r\n"
            + "\"\"\"\u{301}\",9223372036854775807,1e+16,0\r\n"
        #expect(Self.table.csvText() == expected)
        #expect(ResultTable(name: "empty", columns: []).csvText() == "\r\n")
    }

    @Test("a result's CSV is each table after a '# table NAME' line")
    func resultCSV() {
        let other = ResultTable(name: "summary", columns: ["n"], rows: [[.integer(4)]])
        let result = ExperimentResult(experiment: "e", parameters: [], tables: [Self.table, other])
        #expect(result.csvText() == "# table layers\r\n" + Self.table.csvText() + "# table summary\r\nn\r\n4\r\n")
        #expect(ExperimentResult(experiment: "e", parameters: []).csvText() == "")
    }

    @Test("shortest number text reads back as the same Double")
    func shortestNumbers() {
        #expect(NumberFormatting.shortest(12.0) == "12")
        #expect(NumberFormatting.shortest(-3) == "-3")
        #expect(NumberFormatting.shortest(0.1) == "0.1")
        #expect(NumberFormatting.shortest(1e16) == "1e+16")
        #expect(NumberFormatting.shortest(1e15) == "1000000000000000.0", "10¹⁵ is past the integer rule")
        #expect(NumberFormatting.shortest(.nan) == "" && NumberFormatting.shortest(-.infinity) == "")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let value = Double(bitPattern: generator.next())
            guard value.isFinite else { continue }
            #expect(Double(NumberFormatting.shortest(value)) == value, "\(value.bitPattern)")
        }
    }

    @Test("a site table download keeps its layout")
    func tableDownload() {
        let result = ExperimentResult(
            experiment: "forward-stats",
            parameters: [
                ParameterSetting(name: "init", value: "[a, b]"), ParameterSetting(name: "seed", value: "1"),
            ])
        let table = ResultTable(
            name: "layers", columns: ["init", "std"],
            rows: [[.text("a"), .number(0.5)], [.text("b"), .missing], [.text("c"), .number(.nan)]])
        #expect(
            result.tableJSONText(table, id: "demo") == """
                {
                  "experiment": "forward-stats",
                  "id": "demo",
                  "table": "layers",
                  "parameters": {"init": "[a, b]", "seed": "1"},
                  "columns": ["init", "std"],
                  "rows": [
                    ["a", 0.5],
                    ["b", null],
                    ["c", null]
                  ]
                }

                """)
    }

    @Test("the JSON writer: one line for scalar containers, escaped strings, null for non-finite numbers")
    func writer() {
        let value = JSONValue.object([
            ("empty", .array([])), ("none", .object([])),
            ("numbers", .array([.integer(-4), .number(2), .number(0.25), .number(.infinity), .null])),
            ("text", .string("\"\\\n\r\t<\u{1}é/")),
            ("nested", .array([.object([("a", .array([]))])])),
        ])
        #expect(
            value.text == """
                {
                  "empty": [],
                  "none": {},
                  "numbers": [-4, 2, 0.25, null, null],
                  "text": "\\"\\\\\\n\\r\\t\\u003c\\u0001é/",
                  "nested": [
                    {
                      "a": []
                    }
                  ]
                }
                """)
        #expect(JSONValue.string("").text == "\"\"")
    }

    @Test("a whole result's JSON parses back to its values")
    func resultJSON() throws {
        let result = ResultCodingTests.everything
        let text = result.jsonText()
        #expect(text.hasSuffix("}\n"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["experiment"] as? String == "every-kind")
        #expect(
            object["parameters"] as? [String: String] == ["init": "[normal(std=0.01), xavier-normal]", "seed": "1"])
        let tables = try #require(object["tables"] as? [[String: Any]])
        #expect(tables.compactMap { $0["name"] as? String } == ["cells", "empty", "no_columns"])
        let rows = try #require(tables[0]["rows"] as? [[Any]])
        #expect(rows[0][0] as? String == "xavier-normal" && rows[0][1] as? Int == 3 && rows[0][2] as? Double == 3)
        #expect(rows[0][3] is NSNull && rows[3][2] is NSNull, "missing and non-finite cells are null")
        #expect(rows[2][0] as? String == "a, \"quoted\"\r\nline <b> \u{1}é")
        let series = try #require(object["series"] as? [[String: Any]])
        #expect(series[0]["divergedAt"] as? Int == 4 && series[1]["divergedAt"] is NSNull)
        #expect(series[0]["y"] as? [Double] == [0.5, 0.25, 1e-12])
        let histograms = try #require(object["histograms"] as? [[String: Any]])
        #expect(histograms[0]["counts"] as? [Int] == [0, 3, 5, 1])
        #expect(object["notes"] as? [String] == ["kaiming-normal diverged at step 4", ""])
    }
}
