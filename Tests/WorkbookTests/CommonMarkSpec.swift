import Foundation

/// The examples of the CommonMark 0.30 specification (`Fixtures/CommonMark/spec-0.30.txt`).
struct CommonMarkExample: Sendable, CustomStringConvertible {
    /// The example's number in the spec (1-based, as in the spec's HTML version).
    var number: Int
    /// The section heading it appears under.
    var section: String
    /// The Markdown input (`→` replaced by a tab).
    var markdown: String
    /// The HTML the spec expects (`→` replaced by a tab).
    var html: String

    var description: String { "example \(number) (\(section))" }

    /// Every example of the spec, in order.
    static func all() throws -> [CommonMarkExample] {
        let url = try TestSupport.fixtures.appendingPathComponent("CommonMark/spec-0.30.txt")
        let text = try String(contentsOf: url, encoding: .utf8)
        let fence = String(repeating: "`", count: 32)
        var examples: [CommonMarkExample] = []
        var section = ""
        var markdown: [Substring] = []
        var html: [Substring] = []
        var part = 0  // 0: outside an example, 1: Markdown, 2: HTML
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            switch part {
            case 0:
                if line == fence + " example" {
                    part = 1
                    markdown = []
                    html = []
                } else if line.hasPrefix("#") {
                    section = String(line.drop { $0 == "#" }.drop { $0 == " " })
                }
            case 1:
                if line == "." { part = 2 } else { markdown.append(line) }
            default:
                if line == fence {
                    func joined(_ lines: [Substring]) -> String {
                        (lines.isEmpty ? "" : lines.joined(separator: "\n") + "\n").replacingOccurrences(
                            of: "→", with: "\t")
                    }
                    examples.append(
                        CommonMarkExample(
                            number: examples.count + 1, section: section,
                            markdown: joined(markdown), html: joined(html)))
                    part = 0
                } else {
                    html.append(line)
                }
            }
        }
        return examples
    }
}
