import WeightInit

/// Follows a chapter line by line and says which lines are inside fenced or indented code
/// blocks, so the text preprocessors (maths, footnotes) leave code alone.
///
/// It is a line-level approximation of CommonMark's block structure: fences may sit behind
/// `>` markers, and indented code is recognised only after a blank line and outside lists.
struct CodeBlockTracker {
    /// What a line is.
    enum Kind: Equatable {
        /// Inside (or opening or closing) a fenced or indented code block.
        case code
        /// Empty or only spaces and tabs.
        case blank
        /// Anything else: prose that may hold maths and footnotes.
        case text
    }

    private var fence: (character: Character, length: Int)?
    private var previousBlank = true
    private var previousIndentedCode = false
    private var inList = false

    /// Whether the last classified line left a fenced code block open.
    var insideFence: Bool { fence != nil }

    /// The width of `line`'s leading spaces and tabs (a tab counts 4).
    static func indentation(of line: String) -> Int {
        line.prefix { $0 == " " || $0 == "\t" }.reduce(0) { $0 + ($1 == "\t" ? 4 : 1) }
    }

    /// Classifies the next line of the chapter.
    mutating func classify(_ line: String) -> Kind {
        let indent = Self.indentation(of: line)
        let trimmed = line.trimmingSpaces()
        if let current = fence {
            let run = trimmed.prefix { $0 == current.character }
            if run.count >= current.length && trimmed.dropFirst(run.count).trimmingSpaces().isEmpty && indent < 4 {
                fence = nil
            }
            return .code
        }
        let stripped = Substring(trimmed).drop { $0 == ">" || $0 == " " }
        if indent < 4, let first = stripped.first, first == "`" || first == "~" {
            let run = stripped.prefix { $0 == first }
            if run.count >= 3 && !(first == "`" && stripped.dropFirst(run.count).contains("`")) {
                fence = (first, run.count)
                previousBlank = false
                return .code
            }
        }
        if trimmed.isEmpty {
            previousBlank = true
            previousIndentedCode = false
            return .blank
        }
        if indent >= 4 && !inList && (previousBlank || previousIndentedCode) {
            previousIndentedCode = true
            previousBlank = false
            return .code
        }
        previousIndentedCode = false
        previousBlank = false
        if indent == 0 { inList = Self.isListItem(trimmed) } else if Self.isListItem(trimmed) { inList = true }
        return .text
    }

    private static func isListItem(_ trimmed: String) -> Bool {
        if trimmed.hasPrefix("- ") || trimmed.hasPrefix("* ") || trimmed.hasPrefix("+ ") { return true }
        let digits = trimmed.prefix { $0.isNumber }
        guard !digits.isEmpty else { return false }
        let rest = trimmed.dropFirst(digits.count)
        return rest.hasPrefix(". ") || rest.hasPrefix(") ")
    }
}
