import WeightInit

/// A ```` ```swift ```` block of a chapter: code that is compiled and run at build time, with
/// options in `//| key: value` lines at its top (Quarto's `#|` convention).
///
/// | option | meaning |
/// |---|---|
/// | `//| id: cs231n` | the id inline values, claims and `--set cs231n.KEY=VALUE` use (default `cell-N`) |
/// | `//| table: …`, `plot: …`, `histograms: …`, `bars: …` | what to draw from the cell's shown results, as in experiment blocks |
/// | `//| caption: …` | the caption of the cell's figures and tables |
/// | `//| echo: false` | run and show the output, but not the code |
/// | `//| fold: true` | show the code folded (a `<details>` the reader opens) |
/// | `//| output: false` | run, but show neither printed text nor figures |
/// | `//| explore: depth=[5, 10] init=[…]` | a parameter grid the reader explores with controls (``ExploreGrid``) |
///
/// A code line ending in `// hide` is compiled but not shown (setup a reader need not see).
/// ```` ```swift norun ```` is an illustration: shown, never compiled.
struct SwiftCell: Sendable {
    /// The cell's position among the chapter's cells, 0-based.
    var index: Int
    /// The id (`[a-z0-9-]+`).
    var id: String
    /// Whether `id` was written (`//| id:`) rather than generated.
    var hasExplicitID: Bool
    /// The file line of the opening fence.
    var line: Int
    /// The file line of the first code line (after the options).
    var codeLine: Int
    /// The code compiled, options removed (hidden lines included).
    var code: String
    /// The code shown to the reader (hidden lines removed, trailing blank lines trimmed).
    var shownCode: String
    /// What to draw.
    var displays: [DisplayItem]
    /// Captions of single displays (`plot: std | Caption.`), by index in `displays`, with their lines.
    var displayCaptions: [Int: (text: String, line: Int)] = [:]
    /// The caption and its line.
    var caption: (text: String, line: Int)?
    /// Show the code (`echo`).
    var echo: Bool
    /// Fold the code.
    var fold: Bool
    /// Show printed output and figures.
    var output: Bool
    /// The parameter grid the reader explores, if any.
    var explore: ExploreGrid?

    /// The option keys a cell accepts.
    static var optionKeys: [String] {
        ["id", "caption", "echo", "fold", "output"] + DisplayItem.displayKeys + ["explore"]
    }

    /// Whether a fence info string opens a Swift cell (`swift`, but not `swift norun`).
    static func isCell(info: String) -> Bool {
        let words = info.split(whereSeparator: \.isWhitespace)
        return words.first == "swift" && !words.dropFirst().contains("norun")
    }

    /// Parses the cell at fence line `line` with body `literal`.
    static func parse(index: Int, literal: String, line: Int, file: String) throws(WorkbookError) -> SwiftCell {
        var lines = literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        var cell = SwiftCell(
            index: index, id: "cell-\(index + 1)", hasExplicitID: false, line: line, codeLine: line + 1,
            code: "", shownCode: "", displays: [], caption: nil, echo: true, fold: false, output: true)
        var optionCount = 0
        for (offset, raw) in lines.enumerated() {
            let trimmed = raw.trimmingSpaces()
            guard trimmed.hasPrefix("//|") else { break }
            optionCount = offset + 1
            let fileLine = line + 1 + offset
            try cell.apply(option: String(trimmed.dropFirst(3)), line: fileLine, file: file)
        }
        cell.codeLine = line + 1 + optionCount
        let codeLines = Array(lines.dropFirst(optionCount))
        cell.code = codeLines.joined(separator: "\n")
        var shown = codeLines.filter { !Self.isHidden($0) }
        while let last = shown.last, last.trimmingSpaces().isEmpty { shown.removeLast() }
        while let first = shown.first, first.trimmingSpaces().isEmpty { shown.removeFirst() }
        cell.shownCode = shown.joined(separator: "\n")
        return cell
    }

    /// Whether a code line is marked `// hide`.
    static func isHidden(_ line: String) -> Bool {
        line.trimmingSpaces().hasSuffix("// hide")
    }

    private mutating func apply(option text: String, line: Int, file: String) throws(WorkbookError) {
        guard let colon = text.firstIndex(of: ":") else {
            throw WorkbookError(
                .cell, file: file, line: line,
                "expected '//| key: value', found '//|\(text)'; keys: \(Self.optionKeys.joined(separator: ", "))")
        }
        let key = text[..<colon].trimmingSpaces()
        let value = text[text.index(after: colon)...].trimmingSpaces()
        func flag() throws(WorkbookError) -> Bool {
            switch value {
            case "true": return true
            case "false": return false
            default:
                throw WorkbookError(
                    .cell, file: file, line: line, "'//| \(key):' takes true or false, found '\(value)'")
            }
        }
        switch key {
        case "id":
            guard !value.isEmpty, value.allSatisfy({ ($0.isASCII && ($0.isLowercase || $0.isNumber)) || $0 == "-" })
            else {
                throw WorkbookError(
                    .cell, file: file, line: line,
                    "invalid id '\(value)'; ids use lowercase letters, digits and '-' (e.g. 'cs231n')")
            }
            id = value
            hasExplicitID = true
        case "caption": caption = (value, line)
        case "echo": echo = try flag()
        case "fold": fold = try flag()
        case "output": output = try flag()
        case "explore": explore = try ExploreGrid.parse(value, line: line, file: file)
        default:
            if let (item, ownCaption) = try DisplayItem.parseWithCaption(key: key, value: value, line: line, file: file)
            {
                if let ownCaption { displayCaptions[displays.count] = (ownCaption, line) }
                displays.append(item)
                return
            }
            throw WorkbookError(
                .cell, file: file, line: line,
                "unknown cell option '\(key)'; options: \(Self.optionKeys.joined(separator: ", "))")
        }
    }
}

extension SwiftCell {
    /// The code of an exercise (or its checks), run with the chapter's cells but drawn by the exercise.
    init(exerciseCode code: String, id: String, index: Int, firstLine: Int) {
        self.init(
            index: index, id: id, hasExplicitID: true, line: firstLine - 1, codeLine: firstLine, code: code,
            shownCode: "", displays: [], caption: nil, echo: false, fold: false, output: false)
    }
}
