/// A `--set ID.KEY=VALUE` override of one parameter of one experiment block.
public struct ChapterOverride: Sendable, Equatable {
    /// The experiment block id.
    public var id: String
    /// The parameter name.
    public var key: String
    /// The value, in the syntax the parameter accepts.
    public var value: String

    /// Creates an override.
    public init(id: String, key: String, value: String) {
        self.id = id
        self.key = key
        self.value = value
    }

    /// Parses `ID.KEY=VALUE`; `file` names the chapter in errors.
    public static func parse(_ text: String, file: String) throws(WorkbookError) -> ChapterOverride {
        guard let equals = text.firstIndex(of: "="), let dot = text[..<equals].firstIndex(of: ".") else {
            throw WorkbookError(
                .override, file: file, line: nil, "override '\(text)' must look like ID.KEY=VALUE, e.g. cs231n.depth=30"
            )
        }
        let id = String(text[..<dot]), key = String(text[text.index(after: dot)..<equals])
        guard !id.isEmpty, !key.isEmpty else {
            throw WorkbookError(
                .override, file: file, line: nil, "override '\(text)' must look like ID.KEY=VALUE, e.g. cs231n.depth=30"
            )
        }
        return ChapterOverride(id: id, key: key, value: String(text[text.index(after: equals)...]))
    }
}
