import Experiments
import WeightInit

/// Splits the body of a directive block into `key: value` fields.
enum BlockFields {
    /// The fields of `literal`, whose first line is file line `firstLine`. Blank lines are skipped.
    static func parse(
        _ literal: String, firstLine: Int, file: String, kind: WorkbookError.Kind,
        block: String
    ) throws(WorkbookError) -> [BlockField] {
        var fields: [BlockField] = []
        for (offset, raw) in literal.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSpaces()
            if line.isEmpty { continue }
            guard let colon = line.firstIndex(of: ":") else {
                throw WorkbookError(
                    kind, file: file, line: firstLine + offset,
                    "expected 'key: value' in the \(block) block, found '\(line)'")
            }
            let key = String(line[..<colon]).trimmingSpaces()
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }) else {
                throw WorkbookError(
                    kind, file: file, line: firstLine + offset,
                    "invalid key '\(key)' in the \(block) block; keys are words like 'id' or 'depth'")
            }
            fields.append(
                BlockField(
                    key: key, value: String(line[line.index(after: colon)...]).trimmingSpaces(),
                    line: firstLine + offset))
        }
        return fields
    }

    /// Splits `text` at whitespace outside brackets and parentheses (`a b(c, d) [e, f]` → 3 tokens).
    static func tokens(_ text: String) -> [String] {
        Brackets.split(text, where: \.isWhitespace).filter { !$0.isEmpty }
    }

    /// Splits `text` at `separator` outside brackets and parentheses, trimming each part.
    static func split(_ text: String, at separator: Character) -> [String] {
        Brackets.split(text) { $0 == separator }.map { $0.trimmingSpaces() }
    }
}
