import NetLab

/// Memory and compute limits checked before an experiment allocates anything, so an absurd
/// combination of individually valid parameters (width 4096 × samples 100000 × depth 200)
/// fails at once with a message naming the values and the limit, instead of exhausting memory
/// or running for days.
///
/// Estimates count Float32 values held at once (inputs, activations, weights, gradients,
/// optimiser state) and multiply-adds of the matrix products; they are upper bounds good to a
/// small factor. The course's largest runs use about 2·10⁷ values and 10¹⁰ multiply-adds.
struct ResourceBudget {
    /// The most Float32 values a run may hold at once: 2²⁸ (1 GiB).
    static let maximumValues: Double = 268_435_456
    /// The most multiply-adds a run may perform: 2·10¹¹ (about a minute on two cores).
    static let maximumMultiplyAdds: Double = 2e11

    /// The experiment's registry name.
    var experiment: String
    /// The parameters that drive the cost, with their values, as they appear in the message.
    var parameters: [(name: String, value: Int)]
    /// Estimated Float32 values held at once.
    var values: Double
    /// Estimated multiply-adds.
    var multiplyAdds: Double

    /// Multiply-adds of one sample through an MLP (`inputs` → `depth` × `width` → `outputs`), which is
    /// also its number of weights.
    static func products(inputs: Int, width: Int, depth: Int, outputs: Int) -> Double {
        let w = Double(width)
        return Double(inputs) * w + w * w * Double(max(0, depth - 1)) + w * Double(outputs)
    }

    /// ``products(inputs:width:depth:outputs:)`` on the widest data set, the digits
    /// (``DigitsLoader/pixels`` inputs, ``DigitsLoader/classes`` outputs).
    static func digitsProducts(width: Int, depth: Int) -> Double {
        products(inputs: DigitsLoader.pixels, width: width, depth: depth, outputs: DigitsLoader.classes)
    }

    /// Throws ``ExperimentError/invalidCombination(_:)`` when either estimate exceeds its limit.
    func check() throws(ExperimentError) {
        let named = parameters.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
        let names = parameters.map(\.name).joined(separator: ", ")
        if values > Self.maximumValues {
            throw .invalidCombination(
                "\(experiment) with \(named) would hold about \(NumberFormatting.scientific(values, significant: 2)) "
                    + "values "
                    + "(\(NumberFormatting.scientific(values * 4 / 1_073_741_824, significant: 2)) GiB) in memory; "
                    + "the limit is \(NumberFormatting.scientific(Self.maximumValues, significant: 3)) values (1 "
                    + "GiB): reduce \(names)"
            )
        }
        if multiplyAdds > Self.maximumMultiplyAdds {
            throw .invalidCombination(
                "\(experiment) with \(named) would need about "
                    + "\(NumberFormatting.scientific(multiplyAdds, significant: 2)) multiply-adds; "
                    + "the limit is \(NumberFormatting.scientific(Self.maximumMultiplyAdds, significant: 2)) (about "
                    + "a minute): reduce \(names)"
            )
        }
    }
}
