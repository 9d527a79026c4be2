import WeightInit

/// Marks footnotes in Markdown before cmark sees it (cmark has no footnotes, and would read
/// `[^1]: https://…` as a link reference definition).
///
/// - A reference `[^label]` outside code (and not written `\[^label]`) becomes
///   ``referenceOpen`` + index + ``close``.
/// - A definition `[^label]: text` at the start of a line (indented less than four spaces,
///   outside code; like GitHub's, it may interrupt a paragraph) becomes a block quote whose first text is
///   ``definitionOpen`` + index + ``close``; its lazy continuation lines and the blocks after
///   it indented by four spaces belong to it (as in GitHub Flavored Markdown).
///   ``FootnoteDefinitions`` turns those block quotes back into definitions after parsing.
///
/// `index` points into the returned labels. The number of lines never changes, so cmark's
/// source positions stay file lines.
enum FootnotePreprocessor {
    /// Opens a footnote reference placeholder.
    static let referenceOpen: Character = "\u{E002}"
    /// Opens a footnote definition placeholder.
    static let definitionOpen: Character = "\u{E004}"
    /// Closes either placeholder.
    static let close: Character = "\u{E003}"

    /// Where a line stands relative to the footnote definition being read.
    private enum State {
        /// Not in a definition.
        case outside
        /// In a definition's first paragraph (its first line or lazy continuation lines).
        case paragraph
        /// Blank lines after a definition's content, at these output indices: the definition
        /// goes on only if the next line is indented by four spaces.
        case blanks([Int])
        /// In a definition's indented continuation blocks.
        case continuation
    }

    /// The Markdown with placeholders and the labels (as written) their indices name.
    static func process(_ markdown: String) -> (text: String, labels: [String]) {
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var output: [String] = []
        var labels: [String] = []
        var indices: [String: Int] = [:]
        func index(of label: String) -> Int {
            let key = label.lowercased()
            if let known = indices[key] { return known }
            labels.append(label)
            indices[key] = labels.count - 1
            return labels.count - 1
        }
        var tracker = CodeBlockTracker()
        var content = CodeBlockTracker()
        var state = State.outside
        for line in lines {
            let indent = CodeBlockTracker.indentation(of: line)
            let blank = line.trimmingSpaces().isEmpty
            // Inside a definition: indented continuation blocks and the blank lines between them.
            switch state {
            case .paragraph, .continuation:
                if blank {
                    if content.insideFence {
                        output.append(">")
                        _ = content.classify("")
                    } else {
                        state = .blanks([output.count])
                        output.append(line)
                    }
                    continue
                }
            case .blanks(let pending):
                if blank {
                    state = .blanks(pending + [output.count])
                    output.append(line)
                    continue
                }
                if indent >= 4 {
                    for position in pending { output[position] = ">" }
                    _ = content.classify("")
                    state = .continuation
                } else {
                    state = .outside
                    _ = tracker.classify("")
                }
            case .outside:
                break
            }
            if case .continuation = state {
                let dedented = dedent(line, by: 4)
                if indent >= 4 || content.insideFence {
                    // "> " and not ">": the marker takes one space, so indented code stays indented.
                    output.append(
                        "> " + (content.classify(dedented) == .code ? dedented : references(in: dedented, index: index))
                    )
                    continue
                }
                // A less indented line after continuation blocks: a lazy line of the last paragraph.
                state = .paragraph
            }
            if case .paragraph = state, !startsDefinition(line) {
                if !interruptsParagraph(line) {
                    output.append(references(in: line, index: index))
                    continue
                }
                // A heading, fence, list, quote or rule ends the definition.
                state = .outside
            }
            // Outside a definition (or a definition right after another one).
            let kind: CodeBlockTracker.Kind
            if case .paragraph = state { kind = .text } else { kind = tracker.classify(line) }
            if kind == .text, let (label, rest) = definitionStart(line) {
                content = CodeBlockTracker()
                _ = content.classify(rest)
                output.append(">\(definitionOpen)\(index(of: label))\(close) " + references(in: rest, index: index))
                state = .paragraph
                continue
            }
            output.append(kind == .text ? references(in: line, index: index) : line)
        }
        return (output.joined(separator: "\n"), labels)
    }

    /// Whether `line` starts a footnote definition.
    private static func startsDefinition(_ line: String) -> Bool {
        definitionStart(line) != nil
    }

    /// Whether `line` starts a block that ends a paragraph (so it is not a lazy continuation line).
    private static func interruptsParagraph(_ line: String) -> Bool {
        guard CodeBlockTracker.indentation(of: line) < 4 else { return false }
        let trimmed = line.trimmingSpaces()
        guard let first = trimmed.first else { return true }
        if ["`", "~"].contains(first) { return trimmed.hasPrefix(String(repeating: first, count: 3)) }
        if first == "#" { return trimmed.drop { $0 == "#" }.first.map { $0 == " " || $0 == "\t" } ?? true }
        if first == ">" || first == "<" { return true }
        if ["-", "*", "+"].contains(first) {
            let rest = trimmed.dropFirst()
            if rest.first == " " { return true }
            let marks = trimmed.filter { $0 != " " && $0 != "\t" }
            return marks.count >= 3 && marks.allSatisfy { $0 == first }
        }
        if first == "_" {
            let marks = trimmed.filter { $0 != " " && $0 != "\t" }
            return marks.count >= 3 && marks.allSatisfy { $0 == "_" }
        }
        return trimmed.hasPrefix("1. ") || trimmed.hasPrefix("1) ")
    }

    /// The label and the text after `[^label]:` when `line` starts a definition.
    private static func definitionStart(_ line: String) -> (label: String, rest: String)? {
        guard CodeBlockTracker.indentation(of: line) < 4 else { return nil }
        let characters = Array(line.drop { $0 == " " || $0 == "\t" })
        guard let end = referenceEnd(characters, at: 0), end < characters.count, characters[end] == ":" else {
            return nil
        }
        let label = String(characters[2..<(end - 1)])
        let rest = String(characters[(end + 1)...]).drop { $0 == " " || $0 == "\t" }
        return (label, String(rest))
    }

    /// When `characters[start...]` begins `[^label]`, the index just past its `]`.
    private static func referenceEnd(_ characters: [Character], at start: Int) -> Int? {
        guard start + 2 < characters.count, characters[start] == "[", characters[start + 1] == "^" else { return nil }
        var j = start + 2
        while j < characters.count, characters[j] != "]" {
            if characters[j].isWhitespace || characters[j] == "[" || characters[j] == "\\" { return nil }
            j += 1
        }
        guard j < characters.count, j > start + 2 else { return nil }
        return j + 1
    }

    /// `line` with each footnote reference replaced by its placeholder (code spans and
    /// backslash escapes are skipped).
    private static func references(in line: String, index: (String) -> Int) -> String {
        guard line.contains("[^") else { return line }
        let characters = Array(line)
        var result = ""
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c == "\\" && i + 1 < characters.count {
                result.append(c)
                result.append(characters[i + 1])
                i += 2
            } else if c == "`" {
                let end = CodeSpanScanner.end(of: characters, openingAt: i)
                result.append(contentsOf: characters[i..<end])
                i = end
            } else if let end = referenceEnd(characters, at: i) {
                result += "\(referenceOpen)\(index(String(characters[(i + 2)..<(end - 1)])))\(close)"
                i = end
            } else {
                result.append(c)
                i += 1
            }
        }
        return result
    }

    /// `line` without up to `width` columns of leading spaces (a tab counts 4).
    private static func dedent(_ line: String, by width: Int) -> String {
        var removed = 0
        var rest = Substring(line)
        while removed < width, let first = rest.first, first == " " || first == "\t" {
            removed += first == "\t" ? 4 : 1
            rest = rest.dropFirst()
        }
        return String(rest)
    }
}
