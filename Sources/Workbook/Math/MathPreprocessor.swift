import WeightInit

/// Finds `$...$` and `$$...$$` in Markdown before cmark sees it, converts each formula
/// to MathML and leaves a private-use placeholder in its place.
///
/// Done before parsing because CommonMark would otherwise treat `_`, `*` and `\,`
/// inside formulas as emphasis and escapes. Fenced code, indented code and code spans
/// are left untouched; `\$` stays a literal dollar. Placeholders never change the
/// number of lines, so cmark's source positions stay valid.
enum MathPreprocessor {
    static let open: Character = "\u{E000}"
    static let close: Character = "\u{E001}"

    /// Returns the Markdown with placeholders and the formulas they stand for.
    /// `firstLine` is the file line of the first line of `markdown` (for errors).
    static func process(_ markdown: String, file: String, firstLine: Int) throws(WorkbookError) -> (String, [MathFormula]) {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var output: [String] = []
        var formulas: [MathFormula] = []
        var fence: (character: Character, length: Int)?
        var previousBlank = true
        var previousIndentedCode = false
        var inList = false
        var index = 0
        func placeholder(_ tex: String, display: Bool, line: Int) throws(WorkbookError) -> String {
            let mathML = try TeXToMathML.convert(tex, display: display, file: file, line: line)
            formulas.append(MathFormula(tex: tex, mathML: mathML, display: display))
            return "\(open)\(formulas.count - 1)\(close)"
        }
        while index < lines.count {
            let line = lines[index]
            let lineNumber = firstLine + index
            index += 1
            let indent = line.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
            let trimmed = line.trimmingSpaces()
            // Fenced code blocks.
            if let current = fence {
                let run = trimmed.prefix { $0 == current.character }
                if run.count >= current.length && trimmed.dropFirst(run.count).trimmingSpaces().isEmpty && indent < 4 {
                    fence = nil
                }
                output.append(line)
                continue
            }
            let stripped = Substring(trimmed).drop { $0 == ">" || $0 == " " }
            if indent < 4, let first = stripped.first, first == "`" || first == "~" {
                let run = stripped.prefix { $0 == first }
                if run.count >= 3 && !(first == "`" && stripped.dropFirst(run.count).contains("`")) {
                    fence = (first, run.count)
                    output.append(line)
                    previousBlank = false
                    continue
                }
            }
            if trimmed.isEmpty {
                output.append(line)
                previousBlank = true
                previousIndentedCode = false
                continue
            }
            // Indented code blocks (outside lists).
            if indent >= 4 && !inList && (previousBlank || previousIndentedCode) {
                output.append(line)
                previousIndentedCode = true
                previousBlank = false
                continue
            }
            previousIndentedCode = false
            previousBlank = false
            if indent == 0 { inList = isListItem(trimmed) } else if isListItem(trimmed) { inList = true }

            // Display math spanning lines: a line that starts with $$ and does not close it.
            if trimmed.hasPrefix("$$") && !trimmed.dropFirst(2).contains("$$") {
                var tex = String(trimmed.dropFirst(2))
                var consumed = 0
                var closed = false
                while index + consumed < lines.count {
                    let next = lines[index + consumed]
                    consumed += 1
                    if let range = next.range(of: "$$") {
                        tex += "\n" + next[..<range.lowerBound]
                        guard next[range.upperBound...].trimmingSpaces().isEmpty else {
                            throw WorkbookError(.math, file: file, line: firstLine + index + consumed - 1,
                                                "text after the closing '$$'; display math must be on its own lines")
                        }
                        closed = true
                        break
                    }
                    if next.trimmingSpaces().isEmpty { break }
                    tex += "\n" + next
                }
                guard closed else {
                    throw WorkbookError(.math, file: file, line: lineNumber,
                                        "unterminated display math: '$$' is never closed (write \\$ for a literal dollar)")
                }
                output.append(String(line.prefix { $0 == " " || $0 == ">" }) + (try placeholder(tex, display: true, line: lineNumber)))
                output.append(contentsOf: Array(repeating: "", count: consumed))
                index += consumed
                continue
            }
            output.append(try processLine(line, file: file, line: lineNumber, placeholder: placeholder))
        }
        return (output.joined(separator: "\n"), formulas)
    }

    private static func isListItem(_ trimmed: String) -> Bool {
        if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ") { return true }
        let digits = trimmed.prefix { $0.isNumber }
        guard !digits.isEmpty else { return false }
        let rest = trimmed.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ")
    }

    /// Replaces the formulas of one line, skipping code spans and `\$`.
    private static func processLine(_ line: String, file: String, line lineNumber: Int,
                                    placeholder: (String, Bool, Int) throws(WorkbookError) -> String) throws(WorkbookError) -> String {
        let characters = Array(line)
        var result = ""
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "\\" && i + 1 < characters.count {
                result.append(c)
                result.append(characters[i + 1])
                i += 2
                continue
            }
            if c == "`" {
                var run = 0
                while i + run < characters.count && characters[i + run] == "`" { run += 1 }
                // Find a closing run of exactly the same length.
                var j = i + run
                var closing: Int?
                while j < characters.count {
                    if characters[j] == "`" {
                        var other = 0
                        while j + other < characters.count && characters[j + other] == "`" { other += 1 }
                        if other == run { closing = j; break }
                        j += other
                    } else {
                        j += 1
                    }
                }
                let end = closing.map { $0 + run } ?? (i + run)
                result.append(contentsOf: characters[i..<end])
                i = end
                continue
            }
            if c == "$" {
                let display = i + 1 < characters.count && characters[i + 1] == "$"
                let delimiter = display ? 2 : 1
                var j = i + delimiter
                var end: Int?
                while j < characters.count {
                    if characters[j] == "\\" { j += 2; continue }
                    if characters[j] == "$" {
                        if !display { end = j; break }
                        if j + 1 < characters.count && characters[j + 1] == "$" { end = j; break }
                    }
                    j += 1
                }
                guard let end else {
                    throw WorkbookError(.math, file: file, line: lineNumber,
                                        "unterminated \(display ? "display" : "inline") math: add the closing '\(display ? "$$" : "$")' on the same line (write \\$ for a literal dollar)")
                }
                let tex = String(characters[(i + delimiter)..<end])
                guard !tex.trimmingSpaces().isEmpty else {
                    throw WorkbookError(.math, file: file, line: lineNumber, "empty formula '\(display ? "$$$$" : "$$")'")
                }
                result += try placeholder(tex, display, lineNumber)
                i = end + delimiter
                continue
            }
            result.append(c)
            i += 1
        }
        return result
    }

    /// Splits cmark text containing placeholders into text and math nodes.
    static func substitute(_ text: String, formulas: [MathFormula]) -> [MarkdownNode] {
        guard text.contains(open) else { return [.text(text)] }
        var nodes: [MarkdownNode] = []
        var rest = Substring(text)
        while let start = rest.firstIndex(of: open) {
            guard let end = rest[start...].firstIndex(of: close),
                  let number = Int(rest[rest.index(after: start)..<end]), formulas.indices.contains(number) else { break }
            if start > rest.startIndex { nodes.append(.text(String(rest[..<start]))) }
            nodes.append(.math(formulas[number]))
            rest = rest[rest.index(after: end)...]
        }
        if !rest.isEmpty { nodes.append(.text(String(rest))) }
        return nodes
    }
}
