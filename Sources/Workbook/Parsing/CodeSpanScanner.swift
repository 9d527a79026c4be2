/// Finds the end of an inline code span on one line, so the text preprocessors skip its contents.
enum CodeSpanScanner {
    /// `characters[start]` begins a run of backticks; returns the index just past the closing run
    /// of the same length, or just past the opening run when the span is not closed on this line.
    static func end(of characters: [Character], openingAt start: Int) -> Int {
        var run = 0
        while start + run < characters.count && characters[start + run] == "`" { run += 1 }
        var j = start + run
        while j < characters.count {
            if characters[j] == "`" {
                var other = 0
                while j + other < characters.count && characters[j + other] == "`" { other += 1 }
                if other == run { return j + run }
                j += other
            } else {
                j += 1
            }
        }
        return start + run
    }
}
