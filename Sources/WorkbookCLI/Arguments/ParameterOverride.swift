import ArgumentParser
import Foundation

/// One `--set name=value` of `workbook run` (an experiment parameter) or `--set id.key=value` of
/// `workbook render` (parameter `key` of the block with id `id`). The name is trimmed of white space;
/// the value is kept as written, after the first `=` (`--set 'init=[normal(std=0.01), xavier-normal]'`).
struct ParameterOverride: Equatable, Sendable, ExplainedArgument {
    /// The parameter name: `depth` for `run`, `cs231n.depth` for `render`.
    let name: String
    /// The text after the first `=`.
    let value: String

    /// Parses `name=value`; the error says what is missing and shows the expected form (ArgumentParser puts
    /// the text and the option before it: "The value 'depth' is invalid for '--set <name=value>': …").
    init(parsing text: String) throws(ValidationError) {
        try self.init(text, expected: "name=value, e.g. depth=10")
    }

    /// Parses `id.key=value`, the form `workbook render` takes: a name that a `.` does not split into a
    /// block id and a key is refused, naming that name and showing the expected form.
    static func blockParameter(_ text: String) throws(ValidationError) -> ParameterOverride {
        let expected = "id.key=value (a block's id, a dot, its parameter), e.g. cs231n.depth=30"
        let override = try ParameterOverride(text, expected: expected)
        let parts = override.name.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else {
            throw ValidationError("'\(override.name)' is not of the form id.key; expected \(expected)")
        }
        return override
    }

    /// Splits `text` at its first `=`; errors end in "expected `expected`".
    private init(_ text: String, expected: String) throws(ValidationError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw ValidationError("there is no '='; expected \(expected)")
        }
        let name = text[..<equals].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw ValidationError("there is no name before '='; expected \(expected)") }
        self.name = name
        self.value = String(text[text.index(after: equals)...])
    }
}
