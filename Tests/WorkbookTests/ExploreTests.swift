import Foundation
import Testing

@testable import Workbook

/// Explorable cells (`//| explore:`) through the real build, and their grid's parsing.
@Suite("Explorable cells")
struct ExploreTests {
    static let body = """
        # Explore

        ```swift
        //| id: powers
        //| table: values
        //| plot: power
        //| explore: n=[1, 2, 3] base=[2, 10]
        //| caption: Powers of `=powers.values[k=1].base|int` up to n = `=powers.values.k@max|int`.
        let n = parameter("n", 2)
        let base = parameter("base", 10)
        var values = Table("values", columns: ["k", "base", "power"])
        var powers: [Double] = []
        for k in 1...n {
            powers.append(Double(base) * (powers.last ?? 1))
            values.append(k, base, Int(powers[k - 1]))
        }
        show(values)
        plot("power", label: "base \\(base)", x: Array(1...n), y: powers, xLabel: "k", yLabel: "power")
        ```

        ```swift
        print("a later cell")
        ```
        """

    /// The `<template>` of combination `key`, or nil.
    static func template(_ key: String, in html: String) -> String? {
        guard let start = html.range(of: "<template data-key=\"\(key.replacingOccurrences(of: "&", with: "&amp;"))\">"),
            let end = html[start.upperBound...].range(of: "</template>")
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    @Test("every combination is computed and drawn in a template; the published one shows without script")
    func grid() throws {
        let root = try SwiftCellTests.repository(Self.body)
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.builder(root).build()
        let html = try SwiftCellTests.page(root)
        // The published combination (n = 2, base = 10) is the visible view.
        #expect(html.contains("<div class=\"explore-view\" aria-live=\"polite\" data-key=\"n=2&amp;base=10\">"))
        #expect(html.contains("<div class=\"explore-controls\" hidden>"))
        // A slider for the three numbers, a menu for the two values.
        #expect(
            html.contains(
                "type=\"range\" id=\"explore-powers-n\" data-axis=\"n\" min=\"0\" max=\"2\" step=\"1\" value=\"1\""))
        #expect(
            html.contains(
                "<select id=\"explore-powers-base\" data-axis=\"base\"><option value=\"2\">2</option><option "
                    + "value=\"10\" selected>10</option></select>"
            ))
        // Five other combinations, each with its own numbers in the table and the caption.
        #expect(html.components(separatedBy: "<template data-key=").count - 1 == 5)
        #expect(Self.template("n=2&base=10", in: html) == nil)
        let three = try #require(Self.template("n=3&base=2", in: html))
        #expect(three.contains("Powers of <span class=\"computed\""))
        #expect(three.contains(">2</span> up to n = <span class=\"computed\""))
        #expect(three.contains(">3</span>."))
        #expect(three.contains("<td class=\"number\">8</td>") || three.contains(">8<"))
        // Combinations keep the published figure and table numbers and have no download links.
        #expect(three.contains("Figure 1.</a>"))
        #expect(three.contains("Table 1.</a>"))
        #expect(!three.contains("Download the full table"))
        let one = try #require(Self.template("n=1&base=10", in: html))
        #expect(one.contains(">1</span>."))
        // The published caption and the later cell are untouched.
        #expect(html.contains(">10</span> up to n = "))
        #expect(html.contains("<samp>a later cell</samp>"))
    }

    @Test("a grid names declared parameters, lists the published value and stays small")
    func errors() throws {
        let cases: [(option: String, message: String)] = [
            ("explore: n=[1, 2] power=[1, 2]", "cell 'powers' has no parameter 'power'; parameters: n, base"),
            ("explore: n=[1, 3]", "the values of 'n' must include the published value 2"),
            ("explore: n=[1, 2, 3, 4, 5] base=[1, 2, 3, 4, 10]", "25 combinations; a page explores at most 24"),
            ("explore: n=1, 2", "the values of 'n' must be a bracketed list"),
            ("explore: n=[2]", "'n' needs at least two values to explore"),
        ]
        for (option, message) in cases {
            let body = Self.body.replacingOccurrences(of: "explore: n=[1, 2, 3] base=[2, 10]", with: option)
            let root = try SwiftCellTests.repository(body)
            defer { try? FileManager.default.removeItem(at: root) }
            let error = SwiftCellTests.buildError(root)
            #expect(error?.message.contains(message) == true, "\(option): \(error?.message ?? "no error")")
            #expect(error?.line == SwiftCellTests.line(of: "//| explore:", in: body), "\(option)")
            #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
        }
    }

    @Test("grids parse parenthesised values and enumerate combinations, the last axis fastest")
    func parsing() throws {
        let grid = try ExploreGrid.parse(
            "init=[normal(std=0.1, mean=0), xavier-normal] depth=[5, 10]", line: 3, file: "x.md")
        #expect(grid.axes.map(\.name) == ["init", "depth"])
        #expect(grid.axes[0].values == ["normal(std=0.1, mean=0)", "xavier-normal"])
        #expect(
            grid.combinations.map { grid.key($0) } == [
                "init=normal(std=0.1, mean=0)&depth=5", "init=normal(std=0.1, mean=0)&depth=10",
                "init=xavier-normal&depth=5", "init=xavier-normal&depth=10",
            ])
        #expect(ExploreGrid.same("0.10", "0.1"))
        #expect(!ExploreGrid.same("0.1", "0.12"))
        #expect(!ExploreGrid.isSlider(grid.axes[1]))
    }
}
