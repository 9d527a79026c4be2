/// A textual initialiser spec shared by the CLI and the chapters: a name with optional
/// keyword arguments, e.g. `normal(std=0.01)`, `kaiming-normal(mode=fan_out, nonlinearity=relu)`,
/// `orthogonal(gain=1.6667)`, `xavier-uniform(gain=tanh)`.
///
/// Grammar: `name` or `name(key=value, …)`; names use letters, digits, `-` and `_`;
/// values are numbers (`0.01`, `-2`, `1e-3`, `5/3`) or words (`fan_out`, `relu`).
public struct InitializerSpec: Sendable, Equatable, CustomStringConvertible {
    /// The initialiser name as written (e.g. `kaiming-normal`).
    public let name: String
    /// Keyword arguments in the order written.
    public let arguments: [(key: String, value: String)]

    /// A spec from parts.
    public init(name: String, arguments: [(String, String)] = []) {
        self.name = name
        self.arguments = arguments.map { (key: $0.0, value: $0.1) }
    }

    public static func == (lhs: InitializerSpec, rhs: InitializerSpec) -> Bool {
        lhs.name == rhs.name && lhs.arguments.elementsEqual(rhs.arguments) { $0.key == $1.key && $0.value == $1.value }
    }

    /// `name` or `name(k=v, k=v)`.
    public var description: String {
        arguments.isEmpty ? name : name + "(" + arguments.map { "\($0.key)=\($0.value)" }.joined(separator: ", ") + ")"
    }

    /// The value of argument `key`, if given.
    public func argument(_ key: String) -> String? {
        arguments.last { $0.key == key }?.value
    }

    /// Parses spec text. Errors name the offending token; the name is not checked
    /// against the catalogue here (see ``makeInitializer()``).
    public static func parse(_ text: String) throws(InitializationError) -> InitializerSpec {
        let trimmed = text.trimmingSpaces()
        guard !trimmed.isEmpty else { throw .malformedSpec(text, token: "", reason: "the spec is empty") }
        guard let open = trimmed.firstIndex(of: "(") else {
            if let bad = trimmed.first(where: { !isNameCharacter($0) }) {
                throw .malformedSpec(text, token: String(bad), reason: "unexpected character in a name")
            }
            return InitializerSpec(name: trimmed)
        }
        let name = String(trimmed[..<open]).trimmingSpaces()
        guard !name.isEmpty, name.allSatisfy(isNameCharacter) else {
            throw .malformedSpec(
                text, token: name.isEmpty ? "(" : name, reason: "expected an initialiser name before '('")
        }
        guard trimmed.hasSuffix(")") else {
            throw .malformedSpec(text, token: String(trimmed[open...]), reason: "missing closing ')'")
        }
        let body = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        if let nested = body.first(where: { $0 == "(" || $0 == ")" }) {
            throw .malformedSpec(text, token: String(nested), reason: "unbalanced parentheses")
        }
        var arguments: [(String, String)] = []
        if !body.trimmingSpaces().isEmpty {
            for part in body.split(separator: ",", omittingEmptySubsequences: false) {
                let pieces = part.split(separator: "=", omittingEmptySubsequences: false)
                guard pieces.count == 2 else {
                    throw .malformedSpec(text, token: part.trimmingSpaces(), reason: "expected key=value")
                }
                let key = pieces[0].trimmingSpaces(), value = pieces[1].trimmingSpaces()
                guard !key.isEmpty, key.allSatisfy(isNameCharacter) else {
                    throw .malformedSpec(text, token: key, reason: "invalid argument name")
                }
                guard !value.isEmpty, value.allSatisfy(isValueCharacter) else {
                    throw .malformedSpec(
                        text, token: value.isEmpty ? part.trimmingSpaces() : value, reason: "invalid argument value")
                }
                if arguments.contains(where: { $0.0 == key }) {
                    throw .malformedSpec(text, token: key, reason: "argument given twice")
                }
                arguments.append((key, value))
            }
        }
        return InitializerSpec(name: name, arguments: arguments)
    }

    /// Letters, digits, `-`, `_` and `.`: the characters of names and argument keys.
    static func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "-" || c == "_" || c == "." }

    /// The name characters plus `/` and `+`: the characters of argument values (`5/3`, `1e+3`).
    static func isValueCharacter(_ c: Character) -> Bool { isNameCharacter(c) || c == "/" || c == "+" }

    /// Builds the initialiser this spec names, validating every argument.
    public func makeInitializer() throws(InitializationError) -> any WeightInitializer {
        try InitializerCatalog.makeInitializer(self)
    }
}
