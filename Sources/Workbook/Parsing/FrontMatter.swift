import WeightInit

/// The metadata block at the top of a chapter, between two `---` lines. It is optional: without
/// it the title is the chapter's first `# ` heading and the order the file name's number prefix
/// (`04-he-kaiming.md` → 4); in it only `title` is required (`order` defaults to the prefix too).
///
/// ```
/// ---
/// title: Xavier / Glorot initialisation
/// order: 3
/// time: 40 min
/// objectives:
///   - Derive Var(W) = 2/(n_in + n_out)
/// summary: One line for the course outline.
/// ---
/// ```
public struct FrontMatter: Sendable, Equatable {
    /// The chapter title (the page's only `<h1>`).
    public var title: String
    /// The position in the course (chapters are sorted by it).
    public var order: Int
    /// The estimated study time, as text (`40 min`), if given.
    public var time: String?
    /// The learning objectives, in order.
    public var objectives: [String]
    /// An optional one-line summary for the course outline.
    public var summary: String?

    /// The file line of each objective (for errors in their inline Markdown).
    var objectiveLines: [Int] = []

    /// The keys a front matter block may contain.
    public static let keys = ["title", "order", "time", "objectives", "summary"]

    /// Creates front matter from its fields.
    public init(title: String, order: Int, time: String?, objectives: [String], summary: String? = nil) {
        self.title = title
        self.order = order
        self.time = time
        self.objectives = objectives
        self.summary = summary
    }

    /// Splits `text` into front matter and body.
    ///
    /// Returns the parsed fields, the Markdown body and the number of lines the front
    /// matter occupied (so body line 1 is file line `lineOffset + 1`).
    static func split(
        _ text: String, file: String, fileName: String = ""
    ) throws(WorkbookError) -> (FrontMatter, body: String, lineOffset: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        func fail(_ line: Int?, _ message: String) -> WorkbookError {
            WorkbookError(.frontMatter, file: file, line: line, message)
        }
        let prefixOrder = Int(fileName.prefix { $0.isNumber })
        guard let first = lines.first, first.trimmingSpaces() == "---" else {
            return try withoutFrontMatter(lines, order: prefixOrder, fail: fail)
        }
        guard let closing = lines.indices.dropFirst().first(where: { lines[$0].trimmingSpaces() == "---" }) else {
            throw fail(1, "front matter is not closed: add a '---' line after the last key")
        }
        var title: String?, order: Int?, time: String?, objectives: [String]?, summary: String?
        var objectiveLines: [Int] = []
        var seen: Set<String> = []
        var inObjectives = false
        var index = 1
        while index < closing {
            let line = lines[index]
            let lineNumber = index + 1
            index += 1
            if line.trimmingSpaces().isEmpty { continue }
            let trimmed = line.trimmingSpaces()
            if trimmed.hasPrefix("- ") || trimmed == "-" {
                guard inObjectives, line.first?.isWhitespace == true else {
                    throw fail(
                        lineNumber,
                        "unexpected list item '\(trimmed)'; only 'objectives:' takes a list of '  - item' lines")
                }
                let item = String(trimmed.dropFirst()).trimmingSpaces()
                guard !item.isEmpty else { throw fail(lineNumber, "empty objective") }
                objectives?.append(item)
                objectiveLines.append(lineNumber)
                continue
            }
            inObjectives = false
            guard line.first?.isWhitespace != true, let colon = line.firstIndex(of: ":") else {
                throw fail(
                    lineNumber,
                    "expected 'key: value' with a key among \(FrontMatter.keys.joined(separator: ", ")); found "
                        + "'\(trimmed)'"
                )
            }
            let key = String(line[..<colon]).trimmingSpaces()
            let value = String(line[line.index(after: colon)...]).trimmingSpaces()
            guard FrontMatter.keys.contains(key) else {
                throw fail(
                    lineNumber,
                    "unknown front matter key '\(key)'; valid keys: \(FrontMatter.keys.joined(separator: ", "))")
            }
            guard seen.insert(key).inserted else { throw fail(lineNumber, "front matter key '\(key)' is given twice") }
            switch key {
            case "title":
                guard !value.isEmpty else { throw fail(lineNumber, "title is empty") }
                title = value
            case "order":
                guard let number = Int(value) else {
                    throw fail(lineNumber, "order must be an integer, found '\(value)'")
                }
                order = number
            case "time":
                guard !value.isEmpty else { throw fail(lineNumber, "time is empty; write e.g. 'time: 40 min'") }
                time = value
            case "summary":
                summary = value.isEmpty ? nil : value
            default:
                guard value.isEmpty else {
                    throw fail(lineNumber, "objectives take a list on the following lines ('  - item'), not '\(value)'")
                }
                objectives = []
                inObjectives = true
            }
        }
        let closingLine = closing + 1
        guard let title else { throw fail(closingLine, "front matter has no 'title:'") }
        guard let order = order ?? prefixOrder else {
            throw fail(
                closingLine,
                "front matter has no 'order:' (an integer) and the file name has no number prefix such as '04-'")
        }
        if let objectives, objectives.isEmpty {
            throw fail(closingLine, "'objectives:' has no items; add '  - item' lines or remove the key")
        }
        let body = lines[(closing + 1)...].joined(separator: "\n")
        var frontMatter = FrontMatter(
            title: title, order: order, time: time, objectives: objectives ?? [], summary: summary)
        frontMatter.objectiveLines = objectiveLines
        return (frontMatter, body, closing + 1)
    }

    /// A chapter without front matter: its first `# ` heading (outside code) is the title and is
    /// blanked from the body (so line numbers stay); the order comes from the file name.
    private static func withoutFrontMatter(
        _ lines: [String], order: Int?,
        fail: (Int?, String) -> WorkbookError
    ) throws(WorkbookError) -> (FrontMatter, body: String, lineOffset: Int) {
        var fence: String?
        var titleIndex: Int?
        for (index, line) in lines.enumerated() {
            let trimmed = line.trimmingSpaces()
            if let open = fence {
                if trimmed.hasPrefix(open) { fence = nil }
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = String(trimmed.prefix(3))
                continue
            }
            if trimmed.hasPrefix("# ") && !line.hasPrefix("    ") {
                titleIndex = index
                break
            }
        }
        guard let titleIndex else {
            let empty = lines.allSatisfy { $0.trimmingSpaces().isEmpty }
            throw fail(
                1,
                empty
                    ? "the chapter is empty; start it with a '# Title' line"
                    : "the chapter has no title: start it with a '# Title' line or with front matter ('---', 'title: "
                        + "…', '---')"
            )
        }
        guard let order else {
            throw fail(
                1,
                "without front matter the order comes from the file name's number prefix (e.g. '04-he-kaiming.md'); "
                    + "this file has none"
            )
        }
        let title = String(lines[titleIndex].trimmingSpaces().dropFirst(2)).trimmingSpaces()
        var body = lines
        body[titleIndex] = ""
        return (FrontMatter(title: title, order: order, time: nil, objectives: []), body.joined(separator: "\n"), 0)
    }
}
