import WeightInit

/// Converts the workbook's TeX subset to MathML Core at build time.
///
/// Supported: letters, digits, operators, `^{}`/`_{}`, `\frac{a}{b}`, `\sqrt{x}`, Greek
/// letters, relations (`\le \ge \ne \approx \in \to`), `\cdot \times \sum \prod \infty \ell`,
/// `\mathrm{}`, `\operatorname{}`, `\mathbb{}`, `\text{}`, `\left( \right)` and spacing (`\,`).
/// Anything else is an error naming the command and the line.
struct TeXToMathML {
    /// The deepest nesting of groups and arguments accepted (real formulas nest a handful of
    /// levels); deeper input is an error rather than unbounded recursion.
    static let maximumNesting = 50

    private let characters: [Character]
    private var position = 0
    private var nesting = 0
    private let file: String
    private let line: Int

    /// The `<math>` element for `tex`.
    static func convert(_ tex: String, display: Bool, file: String, line: Int) throws(WorkbookError) -> String {
        var parser = TeXToMathML(characters: Array(tex), file: file, line: line)
        let body = try parser.parseRow(until: nil)
        let mode = display ? " display=\"block\"" : ""
        return
            "<math\(mode)><semantics><mrow>\(body)</mrow><annotation "
            + "encoding=\"application/x-tex\">"
            + "\(HTMLEscaping.text(tex.trimmingSpaces()))</annotation></semantics></math>"
    }

    private init(characters: [Character], file: String, line: Int) {
        self.characters = characters
        self.file = file
        self.line = line
    }

    private func fail(_ message: String) -> WorkbookError {
        WorkbookError(.math, file: file, line: line, "\(message) in formula '\(String(characters))'")
    }

    private mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    /// Parses atoms until `terminator` (`}` or `\right`) or the end.
    private mutating func parseRow(until terminator: Character?) throws(WorkbookError) -> String {
        var output = ""
        while true {
            skipSpaces()
            guard position < characters.count else {
                if terminator != nil { throw fail("missing '}'") }
                return output
            }
            let c = characters[position]
            if let terminator, c == terminator {
                position += 1
                return output
            }
            if c == "}" { throw fail("unmatched '}'") }
            output += try parseScripted()
        }
    }

    private func lookingAtCommand(_ name: String) -> Bool {
        guard position < characters.count, characters[position] == "\\" else { return false }
        let word = characters[(position + 1)...].prefix { $0.isLetter }
        return String(word) == name
    }

    /// An atom followed by optional `_` and `^` scripts.
    private mutating func parseScripted() throws(WorkbookError) -> String {
        var (base, isLarge) = try parseAtom()
        var sub: String?, sup: String?
        while true {
            skipSpaces()
            guard position < characters.count else { break }
            let c = characters[position]
            if c == "_" || c == "^" {
                position += 1
                let script = try parseArgument()
                if c == "_" {
                    guard sub == nil else { throw fail("double subscript") }
                    sub = script
                } else {
                    guard sup == nil else { throw fail("double superscript") }
                    sup = script
                }
            } else {
                break
            }
        }
        if base.isEmpty { base = "<mrow></mrow>" }
        let prefix = isLarge ? "munderover" : "msubsup"
        switch (sub, sup) {
        case (let s?, let p?): return "<\(prefix)>\(base)\(s)\(p)</\(prefix)>"
        case (let s?, nil): return isLarge ? "<munder>\(base)\(s)</munder>" : "<msub>\(base)\(s)</msub>"
        case (nil, let p?): return isLarge ? "<mover>\(base)\(p)</mover>" : "<msup>\(base)\(p)</msup>"
        case (nil, nil): return base
        }
    }

    /// A braced group or a single atom, as one MathML element.
    private mutating func parseArgument() throws(WorkbookError) -> String {
        skipSpaces()
        guard position < characters.count else { throw fail("missing argument") }
        if characters[position] == "{" {
            position += 1
            return "<mrow>" + (try parseRow(until: "}")) + "</mrow>"
        }
        return try parseAtom().0
    }

    /// The raw text of a braced argument (for `\text`, `\mathrm`).
    private mutating func rawArgument(_ command: String) throws(WorkbookError) -> String {
        skipSpaces()
        guard position < characters.count, characters[position] == "{" else {
            throw fail("\\\(command) needs a {...} argument")
        }
        position += 1
        var depth = 0
        var text = ""
        while position < characters.count {
            let c = characters[position]
            position += 1
            if c == "{" { depth += 1 }
            if c == "}" {
                if depth == 0 { return text }
                depth -= 1
            }
            text.append(c)
        }
        throw fail("missing '}' after \\\(command){")
    }

    private func escaped(_ text: String) -> String { HTMLEscaping.text(text) }

    /// One atom; the flag says whether it is a large operator (limits below/above).
    private mutating func parseAtom() throws(WorkbookError) -> (String, Bool) {
        // Every recursive path (groups, scripts, \frac, \sqrt, \left) passes through here.
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw WorkbookError(
                .math, file: file, line: line,
                "formula nests more than \(Self.maximumNesting) levels deep (braces, scripts, \\frac, \\sqrt); "
                    + "simplify it"
            )
        }
        let c = characters[position]
        if c == "{" {
            position += 1
            return ("<mrow>" + (try parseRow(until: "}")) + "</mrow>", false)
        }
        if c.isLetter {
            position += 1
            return ("<mi>\(escaped(String(c)))</mi>", false)
        }
        if c.isNumber || (c == "." && position + 1 < characters.count && characters[position + 1].isNumber) {
            var number = ""
            while position < characters.count, characters[position].isNumber || characters[position] == "." {
                number.append(characters[position])
                position += 1
            }
            return ("<mn>\(number)</mn>", false)
        }
        if c == "\\" { return try parseCommand() }
        if c == "^" || c == "_" { return ("", false) }
        position += 1
        let operators: [Character: String] = ["-": "−", "*": "∗", "'": "′"]
        switch c {
        case "+", "-", "=", "<", ">", "(", ")", "[", "]", ",", "/", "|", "!", "*", "'", ":", ";", ".", "?":
            return ("<mo>\(escaped(operators[c] ?? String(c)))</mo>", false)
        case "&", "#", "%", "~", "$":
            throw fail("unsupported character '\(c)'")
        default:
            return ("<mo>\(escaped(String(c)))</mo>", false)
        }
    }

    private mutating func parseCommand() throws(WorkbookError) -> (String, Bool) {
        position += 1
        guard position < characters.count else { throw fail("a lone '\\' at the end") }
        var name: String
        if characters[position].isLetter {
            name = String(characters[position...].prefix { $0.isLetter })
            position += name.count
        } else {
            name = String(characters[position])
            position += 1
        }
        if let symbol = TeXSymbols.identifiers[name] {
            return ("<mi>\(symbol)</mi>", false)
        }
        if let symbol = TeXSymbols.operators[name] {
            return ("<mo>\(escaped(symbol))</mo>", false)
        }
        if let symbol = TeXSymbols.largeOperators[name] {
            return ("<mo largeop=\"true\" movablelimits=\"true\">\(symbol)</mo>", true)
        }
        if TeXSymbols.functions.contains(name) {
            return ("<mi mathvariant=\"normal\">\(name)</mi><mspace width=\"0.1667em\"></mspace>", false)
        }
        if let width = TeXSymbols.spaces[name] {
            return ("<mspace width=\"\(width)\"></mspace>", false)
        }
        switch name {
        case "frac":
            let numerator = try parseArgument()
            let denominator = try parseArgument()
            return ("<mfrac>\(numerator)\(denominator)</mfrac>", false)
        case "sqrt":
            return ("<msqrt>\(try parseArgument())</msqrt>", false)
        case "mathrm", "operatorname":
            let text = try rawArgument(name)
            return ("<mi mathvariant=\"normal\">\(escaped(text))</mi>", false)
        case "mathbb":
            let text = try rawArgument(name)
            return ("<mi>\(text.map { TeXSymbols.doubleStruck($0) }.joined())</mi>", false)
        case "text":
            return ("<mtext>\(escaped(try rawArgument(name)))</mtext>", false)
        case "left":
            let open = try delimiter()
            var inner = ""
            while true {
                skipSpaces()
                guard position < characters.count else { throw fail("\\left without \\right") }
                if lookingAtCommand("right") {
                    position += 6
                    break
                }
                if characters[position] == "}" { throw fail("unmatched '}' inside \\left...\\right") }
                inner += try parseScripted()
            }
            let close = try delimiter()
            return ("<mrow>\(open)\(inner)\(close)</mrow>", false)
        case "right":
            throw fail("\\right without \\left")
        default:
            throw fail("unknown command '\\\(name)'; supported: \\" + TeXSymbols.allCommands.joined(separator: " \\"))
        }
    }

    /// The delimiter after `\left` or `\right`.
    private mutating func delimiter() throws(WorkbookError) -> String {
        skipSpaces()
        guard position < characters.count else { throw fail("missing delimiter after \\left or \\right") }
        var c = characters[position]
        position += 1
        if c == "." { return "" }
        if c == "\\" {
            guard position < characters.count else { throw fail("missing delimiter") }
            c = characters[position]
            position += 1
            guard c == "{" || c == "}" || c == "|" else { throw fail("unsupported delimiter '\\\(c)'") }
        }
        guard "()[]|{}".contains(c) else { throw fail("unsupported delimiter '\(c)'; use ( ) [ ] | \\{ \\} or .") }
        return "<mo stretchy=\"true\">\(c)</mo>"
    }
}
