import WeightInit

/// The metadata block at the top of a chapter, between two `---` lines.
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
    /// The estimated study time, as text (`40 min`).
    public var time: String
    /// The learning objectives, in order.
    public var objectives: [String]
    /// An optional one-line summary for the course outline.
    public var summary: String?

    /// The file line of each objective (for errors in their inline Markdown).
    var objectiveLines: [Int] = []

    /// The keys a front matter block may contain.
    public static let keys = ["title", "order", "time", "objectives", "summary"]

    /// Creates front matter from its fields.
    public init(title: String, order: Int, time: String, objectives: [String], summary: String? = nil) {
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
    static func split(_ text: String, file: String) throws(WorkbookError) -> (FrontMatter, body: String, lineOffset: Int) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            line.hasSuffix("\r") ? String(line.dropLast()) : String(line)
        }
        func fail(_ line: Int?, _ message: String) -> WorkbookError {
            WorkbookError(.frontMatter, file: file, line: line, message)
        }
        guard let first = lines.first, first.trimmingSpaces() == "---" else {
            throw fail(1, "a chapter must start with front matter: a '---' line, then title, order, time and objectives, then '---'")
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
                    throw fail(lineNumber, "unexpected list item '\(trimmed)'; only 'objectives:' takes a list of '  - item' lines")
                }
                let item = String(trimmed.dropFirst()).trimmingSpaces()
                guard !item.isEmpty else { throw fail(lineNumber, "empty objective") }
                objectives?.append(item)
                objectiveLines.append(lineNumber)
                continue
            }
            inObjectives = false
            guard line.first?.isWhitespace != true, let colon = line.firstIndex(of: ":") else {
                throw fail(lineNumber, "expected 'key: value' with a key among \(FrontMatter.keys.joined(separator: ", ")); found '\(trimmed)'")
            }
            let key = String(line[..<colon]).trimmingSpaces()
            let value = String(line[line.index(after: colon)...]).trimmingSpaces()
            guard FrontMatter.keys.contains(key) else {
                throw fail(lineNumber, "unknown front matter key '\(key)'; valid keys: \(FrontMatter.keys.joined(separator: ", "))")
            }
            guard seen.insert(key).inserted else { throw fail(lineNumber, "front matter key '\(key)' is given twice") }
            switch key {
            case "title":
                guard !value.isEmpty else { throw fail(lineNumber, "title is empty") }
                title = value
            case "order":
                guard let number = Int(value) else { throw fail(lineNumber, "order must be an integer, found '\(value)'") }
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
        guard let order else { throw fail(closingLine, "front matter has no 'order:' (an integer)") }
        guard let time else { throw fail(closingLine, "front matter has no 'time:' (e.g. 'time: 40 min')") }
        guard let objectives, !objectives.isEmpty else {
            throw fail(closingLine, "front matter has no 'objectives:' list ('objectives:' then '  - item' lines)")
        }
        let body = lines[(closing + 1)...].joined(separator: "\n")
        var frontMatter = FrontMatter(title: title, order: order, time: time, objectives: objectives, summary: summary)
        frontMatter.objectiveLines = objectiveLines
        return (frontMatter, body, closing + 1)
    }
}
