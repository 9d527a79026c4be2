/// An error raised while reading, running or rendering a chapter, or while writing the site.
///
/// It names the chapter file (as written in commands, e.g. `Chapters/03-xavier.md`) and,
/// when known, the 1-based line, and renders as `Chapters/03-xavier.md:12: message`.
public struct WorkbookError: Error, Equatable, CustomStringConvertible, Sendable {
    /// What part of the pipeline failed; lets callers and tests tell errors apart.
    public enum Kind: String, Sendable, Equatable {
        /// The `---` front matter is missing, malformed or incomplete.
        case frontMatter
        /// A `$...$` or `$$...$$` formula is unterminated or uses an unknown command.
        case math
        /// The Markdown itself cannot be rendered (e.g. it nests too deeply).
        case markdown
        /// An experiment block is malformed or names an unknown experiment.
        case experiment
        /// An experiment parameter is unknown or has an invalid value.
        case parameter
        /// A display key (`table:`, `plot:`, ...) names something the result does not have.
        case display
        /// An inline value or claim reference does not select exactly one value.
        case reference
        /// A claim is malformed or false.
        case claim
        /// A `source` block is malformed or points outside `Sources/`.
        case source
        /// An `exercise` block is malformed.
        case exercise
        /// A `--set id.key=value` override is malformed or names an unknown block.
        case override
        /// An experiment failed while running.
        case run
        /// A Swift cell is malformed, does not compile, throws, traps or runs past the time limit.
        case cell
        /// Reading or writing files failed.
        case io
    }

    /// The category of the failure.
    public var kind: Kind
    /// The chapter (or other) file, as a repository-relative path when possible.
    public var file: String
    /// The 1-based line in `file`, when the error points at one.
    public var line: Int?
    /// What went wrong, naming the bad value and the valid choices.
    public var message: String

    /// Creates an error. Quoted values longer than 200 characters are shortened in the middle.
    public init(_ kind: Kind, file: String, line: Int?, _ message: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.message = Self.elidingLongQuotes(message)
    }

    /// `file:line: message` (or `file: message` without a line).
    public var description: String {
        if let line { return "\(file):\(line): \(message)" }
        return "\(file): \(message)"
    }
}
