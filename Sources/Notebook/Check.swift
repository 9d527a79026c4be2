import Foundation

/// The outcome of one `check(…)` in an exercise: whether it passed, and a message that teaches.
public struct CheckResult: Codable, Sendable, Equatable {
    /// Whether the check passed.
    public var passed: Bool
    /// What was checked and, when it failed, what was expected.
    public var message: String

    /// Creates a result.
    public init(passed: Bool, message: String) {
        self.passed = passed
        self.message = message
    }
}

/// Checks that `value` (the result of the student's code written as `label`) equals `expected`
/// within `tolerance` (absolute), and records a message such as
/// `xavierBound(fanIn: 256, fanOut: 512) returned 0.0625; expected 0.0884 (√(6/768)) ± 0.0001`.
///
/// ```swift
/// check("xavierBound(fanIn: 256, fanOut: 512)", xavierBound(fanIn: 256, fanOut: 512),
///       equals: (6.0 / 768).squareRoot(), within: 1e-4, expected: "√(6/768)")
/// ```
public func check(
    _ label: String, _ value: Double, equals expected: Double, within tolerance: Double,
    expected explanation: String = ""
) {
    let passed = value.isFinite && abs(value - expected) <= tolerance
    let shownExpected = "\(format(expected))\(explanation.isEmpty ? "" : " (\(explanation))") ± \(format(tolerance))"
    let message =
        passed
        ? "\(label) = \(format(value)), as expected (\(shownExpected))"
        : "\(label) returned \(format(value)); expected \(shownExpected)"
    record(CheckResult(passed: passed, message: message))
}

/// Checks that `value` equals `expected` exactly (integers, text, …).
public func check<Value: Equatable>(_ label: String, _ value: Value, equals expected: Value) {
    let passed = value == expected
    record(
        CheckResult(
            passed: passed,
            message: passed ? "\(label) = \(expected), as expected" : "\(label) returned \(value); expected \(expected)"
        ))
}

/// Checks a condition; `explanation` says what should hold (e.g. "the std stays within 2× of layer 1").
public func check(_ condition: Bool, _ explanation: String) {
    record(CheckResult(passed: condition, message: condition ? "\(explanation): yes" : "\(explanation): no"))
}

private func record(_ result: CheckResult) {
    CellRuntime.record { $0.checks.append(result) }
}

private func format(_ value: Double) -> String {
    guard value.isFinite else { return String(value) }
    let magnitude = abs(value)
    if magnitude != 0 && (magnitude < 1e-3 || magnitude >= 1e5) {
        return String(format: "%.3e", value)
    }
    return String(format: "%.4g", value)
}
