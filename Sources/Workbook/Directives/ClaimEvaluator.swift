import Experiments
import WeightInit

/// Checks claims at build time: a true claim yields the measured figures to show,
/// a false one throws with the file, line and measured numbers.
struct ClaimEvaluator {
    /// The outcome of a true claim.
    struct Outcome: Sendable, Equatable {
        /// The measured figures as a sentence (e.g. "s² = 0.002604, expected 0.002604 ± 5 × 1.0e-05").
        var measured: String
        /// The seed used, if the claim drew random numbers itself.
        var seed: UInt64?
    }

    /// The most values a `variance:` claim may draw (2²⁰; the course's claims use about 2¹⁸).
    static let maximumSamples = 1 << 20

    /// Resolves references in `check:` claims.
    let resolver: ReferenceResolver
    /// The chapter file, for errors.
    let file: String

    /// Evaluates `claim`, throwing ``WorkbookError`` (kind `.claim`) if it is false.
    func evaluate(_ claim: ClaimBlock) throws(WorkbookError) -> Outcome {
        switch claim.assertion {
        case .variance(let spec, let shape, let expected, let expectedText, let within, let seed):
            return try variance(
                spec: spec, shapeText: shape, expected: expected, expectedText: expectedText,
                within: within, seed: seed, line: claim.assertionLine)
        case .check(let left, let op, let right, let tolerance, let relative):
            let line = claim.assertionLine
            let leftValue = try number(left, line: line)
            let rightValue: Double
            let rightText: String
            switch right {
            case .number(let value, let text):
                rightValue = value
                rightText = text
            case .reference(let reference):
                rightValue = try number(reference, line: line)
                rightText = "\(reference.text) = \(NumberFormatting.compact(rightValue, significant: 4))"
            }
            let within =
                tolerance.map {
                    relative
                        ? " within \(NumberFormatting.compact($0 * 100))%" : " within \(NumberFormatting.compact($0))"
                } ?? ""
            let measured =
                "\(left.text) = \(NumberFormatting.compact(leftValue, significant: 4)) \(op.rawValue) \(rightText)"
                + within
            let absoluteTolerance = (tolerance ?? 0) * (relative ? abs(rightValue) : 1)
            guard op.holds(leftValue, rightValue, tolerance: absoluteTolerance) else {
                throw WorkbookError(
                    .claim, file: file, line: line, "claim is false: measured \(measured) does not hold")
            }
            return Outcome(measured: measured, seed: nil)
        }
    }

    private func number(_ reference: ValueReference, line: Int) throws(WorkbookError) -> Double {
        let value = try resolver.value(reference, line: line)
        guard let number = value.number else {
            throw WorkbookError(
                .claim, file: file, line: line, "'\(reference.text)' is the text '\(value.display)', not a number")
        }
        return number
    }

    private func variance(
        spec specText: String, shapeText: String, expected: Double, expectedText: String,
        within: Double, seed: UInt64, line: Int
    ) throws(WorkbookError) -> Outcome {
        // parseShape caps the product at 2³¹, so it cannot overflow.
        if let count = (try? Tensor.parseShape(shapeText))?.reduce(1, *), count > Self.maximumSamples {
            throw WorkbookError(
                .claim, file: file, line: line,
                "shape \(shapeText) has \(count) elements; a variance claim samples at most \(Self.maximumSamples) "
                    + "(e.g. 1024x1024) so the build stays fast"
            )
        }
        let tensor: Tensor
        let spec: InitializerSpec
        do {
            spec = try InitializerSpec.parse(specText)
            let initializer = try spec.makeInitializer()
            let shape = try Tensor.parseShape(shapeText)
            var stream = RandomStream(seed: seed)
            tensor = try initializer.makeTensor(shape: shape, using: &stream)
        } catch {
            throw WorkbookError(
                .claim, file: file, line: line, "cannot sample '\(specText)' with shape \(shapeText): \(error)")
        }
        let statistics = SampleStatistics(tensor.scalars)
        let n = statistics.count
        guard n > 1 else {
            throw WorkbookError(.claim, file: file, line: line, "shape \(shapeText) has fewer than 2 elements")
        }
        let standardError = expected * (2.0 / Double(n - 1)).squareRoot()
        let deviation = abs(statistics.variance - expected)
        let errors = deviation / standardError
        let f = { (value: Double) in NumberFormatting.compact(value, significant: 4) }
        let measured =
            "s² = \(f(statistics.variance)) from \(n) samples of \(spec.description) (shape "
            + "\(tensor.shapeDescription), seed \(seed)); "
            + "expected \(expectedText) = \(f(expected)); |s² − expected| = \(f(deviation)) = "
            + "\(NumberFormatting.fixed(errors, decimals: 2)) standard errors (SE = \(f(standardError)), limit "
            + "\(f(within)))"
        guard deviation <= within * standardError else {
            throw WorkbookError(.claim, file: file, line: line, "claim is false: \(measured)")
        }
        return Outcome(measured: measured, seed: seed)
    }
}
