import WeightInit

/// Recognises a GitHub Flavored Markdown pipe table in the source lines of a paragraph and
/// splits its rows into cells (still raw Markdown).
///
/// A table is a header row followed by a delimiter row (`| --- | :-: |`) with the same number
/// of cells, both with at least one `|`; every later line of the paragraph is a body row. Cells are
/// split at unescaped `|` (also inside code spans, as GitHub does), a leading and a trailing
/// `|` are optional, and `\|` is a literal pipe in the cell.
enum PipeTableSyntax {
    /// A table found in a paragraph's lines.
    struct Match: Equatable {
        /// How many lines before the header row stay an ordinary paragraph.
        var leadingLines: Int
        /// The alignment of each column.
        var alignments: [MarkdownTable.Alignment]
        /// The header cells (one per column).
        var header: [String]
        /// The body rows, padded with empty cells or cut to one cell per column.
        var rows: [[String]]
    }

    /// The table in `lines` (a paragraph's lines without container markers), if there is one.
    static func match(_ lines: [String]) -> Match? {
        guard lines.count >= 2 else { return nil }
        for index in 1..<lines.count {
            guard let alignments = alignments(ofDelimiterRow: lines[index]) else { continue }
            let header = cells(ofRow: lines[index - 1])
            guard header.count == alignments.count, containsPipe(lines[index - 1]) else { continue }
            let rows = lines[(index + 1)...].map { line -> [String] in
                let cells = cells(ofRow: line)
                return Array(
                    (cells + Array(repeating: "", count: max(0, alignments.count - cells.count))).prefix(
                        alignments.count))
            }
            return Match(leadingLines: index - 1, alignments: alignments, header: header, rows: rows)
        }
        return nil
    }

    /// The alignments of a delimiter row, or nil when `line` is not one.
    static func alignments(ofDelimiterRow line: String) -> [MarkdownTable.Alignment]? {
        guard containsPipe(line) else { return nil }
        var result: [MarkdownTable.Alignment] = []
        for cell in cells(ofRow: line) {
            let left = cell.hasPrefix(":")
            let right = cell.hasSuffix(":") && cell.count > 1
            let dashes = cell.dropFirst(left ? 1 : 0).dropLast(right ? 1 : 0)
            guard !dashes.isEmpty, dashes.allSatisfy({ $0 == "-" }) else { return nil }
            switch (left, right) {
            case (true, true): result.append(.center)
            case (true, false): result.append(.left)
            case (false, true): result.append(.right)
            case (false, false): result.append(.none)
            }
        }
        return result.isEmpty ? nil : result
    }

    /// The trimmed cells of a row: split at unescaped `|`, without an outer leading or trailing
    /// `|`, with `\|` turned into `|`.
    static func cells(ofRow line: String) -> [String] {
        var characters = Array(line.trimmingSpaces())
        if characters.first == "|" { characters.removeFirst() }
        var cells: [String] = []
        var current = ""
        var i = 0
        var endedWithPipe = false
        while i < characters.count {
            let c = characters[i]
            endedWithPipe = false
            if c == "\\" && i + 1 < characters.count {
                if characters[i + 1] == "|" {
                    current.append("|")
                } else {
                    current.append(c)
                    current.append(characters[i + 1])
                }
                i += 2
                continue
            }
            if c == "|" {
                cells.append(current.trimmingSpaces())
                current = ""
                endedWithPipe = true
            } else {
                current.append(c)
            }
            i += 1
        }
        if !endedWithPipe || cells.isEmpty { cells.append(current.trimmingSpaces()) }
        return cells
    }

    /// Whether `line` has an unescaped `|`.
    private static func containsPipe(_ line: String) -> Bool {
        var escaped = false
        for c in line {
            if escaped {
                escaped = false
                continue
            }
            if c == "\\" { escaped = true } else if c == "|" { return true }
        }
        return false
    }
}
