import Foundation

/// Evaluates the small arithmetic language of claims: numbers (`1e-5`, `0.01`), `+ - * / ×`,
/// parentheses and `sqrt(...)`.
struct NumberExpression {
    /// The deepest nesting of parentheses, signs and `sqrt` accepted; deeper input is an
    /// error rather than unbounded recursion.
    static let maximumNesting = 100

    private let characters: [Character]
    private var position = 0
    private var nesting = 0

    /// The value of `text`, or an error message describing the problem.
    static func evaluate(_ text: String) -> Result<Double, ExpressionError> {
        var parser = NumberExpression(characters: Array(text))
        do throws(ExpressionError) {
            let value = try parser.sum()
            parser.skipSpaces()
            guard parser.position == parser.characters.count else {
                throw ExpressionError(message: "unexpected '\(String(parser.characters[parser.position...]))'")
            }
            return .success(value)
        } catch {
            return .failure(error)
        }
    }

    /// Why an expression could not be evaluated.
    struct ExpressionError: Error, Equatable, CustomStringConvertible {
        /// The problem.
        var message: String

        var description: String { message }
    }

    private init(characters: [Character]) {
        self.characters = characters
    }

    private mutating func skipSpaces() {
        while position < characters.count, characters[position].isWhitespace { position += 1 }
    }

    private mutating func sum() throws(ExpressionError) -> Double {
        var value = try product()
        while true {
            skipSpaces()
            guard position < characters.count else { return value }
            let c = characters[position]
            if c == "+" {
                position += 1
                value += try product()
            } else if c == "-" || c == "−" {
                position += 1
                value -= try product()
            } else {
                return value
            }
        }
    }

    private mutating func product() throws(ExpressionError) -> Double {
        var value = try unary()
        while true {
            skipSpaces()
            guard position < characters.count else { return value }
            let c = characters[position]
            if c == "*" || c == "×" || c == "·" {
                position += 1
                value *= try unary()
            } else if c == "/" {
                position += 1
                value /= try unary()
            } else {
                return value
            }
        }
    }

    private mutating func unary() throws(ExpressionError) -> Double {
        // Every recursive path (parentheses, signs, sqrt) passes through here.
        nesting += 1
        defer { nesting -= 1 }
        guard nesting <= Self.maximumNesting else {
            throw ExpressionError(message: "the expression nests more than \(Self.maximumNesting) levels deep")
        }
        skipSpaces()
        guard position < characters.count else { throw ExpressionError(message: "the expression ends early") }
        let c = characters[position]
        if c == "-" || c == "−" {
            position += 1
            return -(try unary())
        }
        if c == "+" {
            position += 1
            return try unary()
        }
        if c == "(" {
            position += 1
            let value = try sum()
            skipSpaces()
            guard position < characters.count, characters[position] == ")" else {
                throw ExpressionError(message: "missing ')'")
            }
            position += 1
            return value
        }
        if c.isLetter {
            let name = String(characters[position...].prefix { $0.isLetter })
            guard name == "sqrt" else {
                throw ExpressionError(message: "unknown function '\(name)'; only sqrt(...) is available")
            }
            position += name.count
            skipSpaces()
            guard position < characters.count, characters[position] == "(" else {
                throw ExpressionError(message: "sqrt needs '('")
            }
            return (try unary()).squareRoot()
        }
        var text = ""
        while position < characters.count {
            let d = characters[position]
            let exponentSign = (d == "-" || d == "+") && (text.last == "e" || text.last == "E")
            guard d.isNumber || d == "." || d == "e" || d == "E" || exponentSign else { break }
            text.append(d)
            position += 1
        }
        guard let value = Double(text) else {
            throw ExpressionError(
                message: text.isEmpty
                    ? "expected a number at '\(String(characters[position...]))'" : "invalid number '\(text)'")
        }
        return value
    }
}
