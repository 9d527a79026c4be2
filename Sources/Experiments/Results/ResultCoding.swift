import Foundation

/// The JSON coders of the lossless machine form of ``ExperimentResult``: its `Codable` conformance, written
/// and read by the result cache and the Swift-cell protocol (chapter program → renderer).
///
/// The division of labour: `Codable` (with these coders) is the machine form, exact and private to the
/// workbook; ``JSONValue`` and ``ResultTable/csvText()`` write the published exports (`workbook run
/// --format json|csv`, the site's data files), which are for people and other tools and drop the
/// integer/real distinction. Every `Double` in a result, cells, series and histogram edges alike, keeps its
/// value: finite numbers in the shortest round-trip form, non-finite ones as the strings `"nan"`,
/// `"inf"` and `"-inf"`.
public enum ResultCoding {
    /// The strings that stand for +∞, −∞ and NaN.
    static let positiveInfinity = "inf"
    static let negativeInfinity = "-inf"
    static let notANumber = "nan"

    /// A new encoder for the machine form (keys sorted, so equal results give equal bytes).
    public static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: positiveInfinity, negativeInfinity: negativeInfinity, nan: notANumber)
        return encoder
    }

    /// A new decoder for the machine form.
    public static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: positiveInfinity, negativeInfinity: negativeInfinity, nan: notANumber)
        return decoder
    }
}
