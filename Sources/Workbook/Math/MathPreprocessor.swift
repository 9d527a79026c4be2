import WeightInit

/// Finds `$...$` and `$$...$$` in Markdown before cmark sees it, converts each formula
/// to MathML and leaves a private-use placeholder in its place.
///
/// Done before parsing because CommonMark would otherwise treat `_`, `*` and `\,`
/// inside formulas as emphasis and escapes. Fenced code, indented code and code spans
/// are left untouched; `\$` stays a literal dollar. Placeholders never change the
/// number of lines, so cmark's source positions stay valid.
///
/// Inline maths follows Pandoc's rule: an opening `$` must be followed by a non-space, and
/// the closing `$` (the next unescaped one on the line) must follow a non-space and must
/// not be followed by a digit. Otherwise the opening `$` is an ordinary dollar, so
/// "costs $5 and $6" is plain text.
enum MathPreprocessor {
    /// Opens a formula placeholder (followed by the formula's index).
    static let open: Character = "\u{E000}"
    /// Closes a formula placeholder.
    static let close: Character = "\u{E001}"

    /// Returns the Markdown with placeholders and the formulas they stand for.
    /// `firstLine` is the file line of the first line of `markdown` (for errors).
    static func process(
        _ markdown: String, file: String, firstLine: Int
    ) throws(WorkbookError) -> (String, [MathFormula]) {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var output: [String] = []
        var formulas: [MathFormula] = []
        var tracker = CodeBlockTracker()
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
            guard tracker.classify(line) == .text else {
                output.append(line)
                continue
            }
            let trimmed = line.trimmingSpaces()
            // Display math spanning lines: a line that starts with $$ and does not close it.
            if trimmed.hasPrefix("$$") && !trimmed.dropFirst(2).contains("$$") {
                var tex = String(trimmed.dropFirst(2))
                var consumed = 0
                var closed = false
                while index + consumed < lines.count {
                    let next = lines[index + consumed]
                    consumed += 1
                    if let range = next[...].firstByteRange(of: "$$") {
                        tex += "\n" + next[..<range.lowerBound]
                        guard next[range.upperBound...].trimmingSpaces().isEmpty else {
                            throw WorkbookError(
                                .math, file: file, line: firstLine + index + consumed - 1,
                                "text after the closing '$$'; display math must be on its own lines")
                        }
                        closed = true
                        break
                    }
                    if next.trimmingSpaces().isEmpty { break }
                    tex += "\n" + next
                }
                guard closed else {
                    throw WorkbookError(
                        .math, file: file, line: lineNumber,
                        "unterminated display math: '$$' is never closed (write \\$ for a literal dollar)")
                }
                output.append(
                    String(line.prefix { $0 == " " || $0 == ">" })
                        + (try placeholder(tex, display: true, line: lineNumber)))
                output.append(contentsOf: Array(repeating: "", count: consumed))
                index += consumed
                continue
            }
            output.append(try processLine(line, file: file, line: lineNumber, placeholder: placeholder))
        }
        return (output.joined(separator: "\n"), formulas)
    }

    /// Replaces the formulas of one line, skipping code spans and `\$`.
    private static func processLine(
        _ line: String, file: String, line lineNumber: Int,
        placeholder: (String, Bool, Int) throws(WorkbookError) -> String
    ) throws(WorkbookError) -> String {
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
                let end = CodeSpanScanner.end(of: characters, openingAt: i)
                result.append(contentsOf: characters[i..<end])
                i = end
                continue
            }
            guard c == "$" else {
                result.append(c)
                i += 1
                continue
            }
            if i + 1 < characters.count && characters[i + 1] == "$" {
                // $$...$$ on one line: display maths.
                var j = i + 2
                var end: Int?
                while j + 1 < characters.count {
                    if characters[j] == "\\" {
                        j += 2
                        continue
                    }
                    if characters[j] == "$" && characters[j + 1] == "$" {
                        end = j
                        break
                    }
                    j += 1
                }
                guard let end else {
                    throw WorkbookError(
                        .math, file: file, line: lineNumber,
                        "unterminated display math: add the closing '$$' (write \\$ for a literal dollar)")
                }
                let tex = String(characters[(i + 2)..<end])
                guard !tex.trimmingSpaces().isEmpty else {
                    throw WorkbookError(.math, file: file, line: lineNumber, "empty formula '$$$$'")
                }
                result += try placeholder(tex, true, lineNumber)
                i = end + 2
                continue
            }
            if let end = inlineClosing(characters, openingAt: i) {
                result += try placeholder(String(characters[(i + 1)..<end]), false, lineNumber)
                i = end + 1
            } else {
                result.append(c)
                i += 1
            }
        }
        return result
    }

    /// The index of the `$` closing the inline formula opened at `start`, or nil when the `$`
    /// at `start` is an ordinary dollar under Pandoc's rule.
    static func inlineClosing(_ characters: [Character], openingAt start: Int) -> Int? {
        guard start + 1 < characters.count, !characters[start + 1].isWhitespace else { return nil }
        var j = start + 1
        while j < characters.count {
            if characters[j] == "\\" {
                j += 2
                continue
            }
            if characters[j] == "$" { break }
            j += 1
        }
        guard j < characters.count, j > start + 1, !characters[j - 1].isWhitespace else { return nil }
        if j + 1 < characters.count, let ascii = characters[j + 1].asciiValue, (48...57).contains(ascii) { return nil }
        return j
    }
}
