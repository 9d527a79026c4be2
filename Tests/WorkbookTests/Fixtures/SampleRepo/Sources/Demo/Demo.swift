/// A demo type for source snippets.
struct Demo {
    /// The predicted standard deviation for a layer of `fanIn` inputs.
    func predictedStandardDeviation(fanIn: Int) -> Double {
        let variance = 1.0 / Double(fanIn)
        if variance > 0 { return variance.squareRoot() }
        return 0
    }

    /// An unrelated helper.
    var name: String { "demo" }
}
