/// The declaration of one experiment parameter: its name, kind (with the allowed
/// range or choices), default and a one-line description.
public struct ExperimentParameter: Sendable, Equatable {
    /// What values a parameter takes.
    public enum Kind: Sendable, Equatable {
        /// An integer within the closed range.
        case integer(ClosedRange<Int>)
        /// A list of integers, each within the closed range (`[5, 10, 20]`).
        case integerList(ClosedRange<Int>)
        /// A finite real number within the closed range.
        case real(ClosedRange<Double>)
        /// One of the listed words.
        case choice([String])
        /// One initialiser spec or a bracketed list of them (`[normal(std=0.01), xavier-normal]`).
        case initializerList
        /// `true` or `false`.
        case flag
        /// One or more of the listed words, as a single word or a bracketed list (`[relu, tanh]`).
        case choiceList([String])

        /// A short description of the allowed values, used in `workbook list` and errors.
        public var allowedDescription: String {
            switch self {
            case .integer(let range): return "an integer in \(range.lowerBound)...\(range.upperBound)"
            case .integerList(let range):
                return "a list of integers in \(range.lowerBound)...\(range.upperBound), e.g. [5, 10]"
            case .real(let range):
                return
                    "a number in "
                    + "\(NumberFormatting.compact(range.lowerBound))...\(NumberFormatting.compact(range.upperBound))"
            case .choice(let words): return "one of " + words.joined(separator: ", ")
            case .initializerList: return "an initialiser spec or a list [spec, spec, ...]"
            case .flag: return "true or false"
            case .choiceList(let words): return "one or a list [a, b, ...] of " + words.joined(separator: ", ")
            }
        }
    }

    /// The parameter's name as written in `--set name=value` and chapter blocks.
    public var name: String
    /// The kind of value and its valid range.
    public var kind: Kind
    /// The default, in the same syntax a user would write.
    public var defaultValue: String
    /// One line of documentation.
    public var summary: String

    /// Declares a parameter.
    public init(_ name: String, _ kind: Kind, default defaultValue: String, _ summary: String) {
        self.name = name
        self.kind = kind
        self.defaultValue = defaultValue
        self.summary = summary
    }
}
