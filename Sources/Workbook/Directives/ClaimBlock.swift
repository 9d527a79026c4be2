import Experiments

/// A parsed ```` ```claim ```` block: the reader-facing text and what to check.
struct ClaimBlock: Sendable {
    /// A comparison operator of a `check:` claim.
    enum Operator: String, Sendable, CaseIterable {
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
        case equal = "=="
        case less = "<"
        case greater = ">"

        /// Whether `left OP right` holds (`==` within `tolerance`).
        func holds(_ left: Double, _ right: Double, tolerance: Double) -> Bool {
            switch self {
            case .less: return left < right
            case .lessOrEqual: return left <= right
            case .greater: return left > right
            case .greaterOrEqual: return left >= right
            case .equal: return abs(left - right) <= tolerance
            }
        }
    }

    /// The right-hand side of a check.
    enum Operand: Sendable {
        /// A number expression (text kept for messages).
        case number(Double, text: String)
        /// Another computed value.
        case reference(ValueReference)
    }

    /// What the claim asserts.
    enum Assertion: Sendable {
        /// `variance: SPEC shape=AxB expected=EXPR within=K [seed=N]`
        case variance(spec: String, shape: String, expected: Double, expectedText: String, within: Double, seed: UInt64)
        /// `check: VALUE OP EXPR [within=TOL]`; `within=10%` is relative to |EXPR| (`relative` true, tolerance 0.1).
        case check(left: ValueReference, op: Operator, right: Operand, tolerance: Double?, relative: Bool)
    }

    /// The claim as shown to the reader (Markdown inline) and its line.
    var text: String
    /// The line of `text:`.
    var textLine: Int
    /// What is checked.
    var assertion: Assertion
    /// The line of the `variance:` or `check:` field.
    var assertionLine: Int

    /// Parses the body of a claim block whose fence is on `line`.
    static func parse(literal: String, line: Int, file: String) throws(WorkbookError) -> ClaimBlock {
        let fields = try BlockFields.parse(literal, firstLine: line + 1, file: file, kind: .claim, block: "claim")
        var text: BlockField?
        var assertion: (Assertion, Int)?
        for field in fields {
            switch field.key {
            case "text":
                text = field
            case "variance":
                guard assertion == nil else {
                    throw WorkbookError(
                        .claim, file: file, line: field.line, "a claim checks one thing: 'variance:' or 'check:'")
                }
                assertion = (try parseVariance(field.value, file: file, line: field.line), field.line)
            case "check":
                guard assertion == nil else {
                    throw WorkbookError(
                        .claim, file: file, line: field.line, "a claim checks one thing: 'variance:' or 'check:'")
                }
                assertion = (try parseCheck(field.value, file: file, line: field.line), field.line)
            default:
                throw WorkbookError(
                    .claim, file: file, line: field.line,
                    "unknown claim key '\(field.key)'; keys: text, variance, check")
            }
        }
        guard let text, !text.value.isEmpty else {
            throw WorkbookError(
                .claim, file: file, line: line, "the claim has no 'text:' (the sentence shown to the reader)")
        }
        guard let assertion else {
            throw WorkbookError(.claim, file: file, line: line, "the claim has neither 'variance:' nor 'check:'")
        }
        return ClaimBlock(text: text.value, textLine: text.line, assertion: assertion.0, assertionLine: assertion.1)
    }

    private static func evaluate(_ text: String, what: String, file: String, line: Int) throws(WorkbookError) -> Double
    {
        switch NumberExpression.evaluate(text) {
        case .success(let value) where value.isFinite: return value
        case .success: throw WorkbookError(.claim, file: file, line: line, "\(what) '\(text)' is not a finite number")
        case .failure(let error):
            throw WorkbookError(.claim, file: file, line: line, "cannot evaluate \(what) '\(text)': \(error.message)")
        }
    }

    private static func parseVariance(_ value: String, file: String, line: Int) throws(WorkbookError) -> Assertion {
        let tokens = BlockFields.tokens(value)
        guard let spec = tokens.first, !spec.contains("=") || spec.contains("(") else {
            throw WorkbookError(
                .claim, file: file, line: line, "write 'variance: SPEC shape=AxB expected=EXPR within=K [seed=N]'")
        }
        let keys = ["shape", "expected", "within", "seed"]
        var values: [String: String] = [:]
        var current: String?
        for token in tokens.dropFirst() {
            if let equals = token.firstIndex(of: "="), keys.contains(String(token[..<equals])) {
                let key = String(token[..<equals])
                guard values[key] == nil else {
                    throw WorkbookError(.claim, file: file, line: line, "'\(key)=' is given twice")
                }
                values[key] = String(token[token.index(after: equals)...])
                current = key
            } else if let key = current {
                values[key, default: ""] += " " + token
            } else {
                throw WorkbookError(
                    .claim, file: file, line: line, "unexpected '\(token)'; keys: shape=, expected=, within=, seed=")
            }
        }
        guard let shape = values["shape"], let expectedText = values["expected"], let withinText = values["within"]
        else {
            throw WorkbookError(
                .claim, file: file, line: line,
                "'variance:' needs shape=AxB, expected=EXPR and within=K (seed=N optional)")
        }
        let expected = try evaluate(expectedText, what: "expected", file: file, line: line)
        let within = try evaluate(withinText, what: "within", file: file, line: line)
        var seed: UInt64 = 1
        if let seedText = values["seed"] {
            guard let parsed = UInt64(seedText) else {
                throw WorkbookError(
                    .claim, file: file, line: line, "seed must be a non-negative integer, found '\(seedText)'")
            }
            seed = parsed
        }
        guard expected > 0, within > 0 else {
            throw WorkbookError(.claim, file: file, line: line, "expected and within must be positive")
        }
        return .variance(
            spec: spec, shape: shape, expected: expected, expectedText: expectedText, within: within, seed: seed)
    }

    private static func parseCheck(_ value: String, file: String, line: Int) throws(WorkbookError) -> Assertion {
        let characters = Array(value)
        let depths = Brackets.depths(value).depths
        var found: (index: Int, op: Operator)?
        var index = 0
        while index < characters.count && found == nil {
            if depths[index] == 0 && index > 0 {
                for op in Operator.allCases {
                    let symbol = Array(op.rawValue)
                    if index + symbol.count <= characters.count
                        && Array(characters[index..<(index + symbol.count)]) == symbol
                    {
                        found = (index, op)
                        break
                    }
                }
            }
            index += 1
        }
        guard let found else {
            throw WorkbookError(
                .claim, file: file, line: line, "'check:' needs an operator: <, <=, >, >= or == (with within=TOL)")
        }
        let left = try ValueReference.parse(String(characters[..<found.index]), file: file, line: line)
        var right = BlockFields.tokens(String(characters[(found.index + found.op.rawValue.count)...]))
        var tolerance: Double?
        var relative = false
        if let last = right.last, last.hasPrefix("within=") {
            var text = String(last.dropFirst(7))
            if text.hasSuffix("%") {
                relative = true
                text.removeLast()
            }
            tolerance = try evaluate(text, what: "within", file: file, line: line) / (relative ? 100 : 1)
            right.removeLast()
        }
        if found.op == .equal && tolerance == nil {
            throw WorkbookError(
                .claim, file: file, line: line,
                "'==' needs a tolerance: append within=TOL (e.g. within=1e-3, or within=10% of the right-hand side)")
        }
        if found.op != .equal && tolerance != nil {
            throw WorkbookError(.claim, file: file, line: line, "within= only applies to '=='")
        }
        let rightText = right.joined(separator: " ")
        guard !rightText.isEmpty else {
            throw WorkbookError(.claim, file: file, line: line, "nothing after '\(found.op.rawValue)'")
        }
        let operand: Operand
        switch NumberExpression.evaluate(rightText) {
        case .success(let number):
            operand = .number(number, text: rightText)
        case .failure(let error):
            guard rightText.contains("."), rightText.first?.isLetter == true || rightText.first == "=" else {
                throw WorkbookError(.claim, file: file, line: line, "cannot evaluate '\(rightText)': \(error.message)")
            }
            operand = .reference(try ValueReference.parse(rightText, file: file, line: line))
        }
        return .check(left: left, op: found.op, right: operand, tolerance: tolerance, relative: relative)
    }
}
