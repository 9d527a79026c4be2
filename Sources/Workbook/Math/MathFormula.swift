/// A TeX formula from a chapter, converted to MathML at build time.
struct MathFormula: Sendable, Equatable {
    /// The TeX source between the dollars.
    var tex: String
    /// The `<math>` element.
    var mathML: String
    /// Whether the formula is display math (`$$...$$`).
    var display: Bool
}
