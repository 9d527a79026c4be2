/// Summary statistics of a set of Float values, accumulated in Double.
public struct SampleStatistics: Sendable, Equatable {
    /// Number of values.
    public let count: Int
    /// Arithmetic mean.
    public let mean: Double
    /// Population-style variance with Bessel's correction: Σ(x − mean)²/(n − 1) (0 for n < 2).
    public let variance: Double
    /// Smallest value.
    public let minimum: Double
    /// Largest value.
    public let maximum: Double

    /// Statistics of `values` (two passes for an accurate variance). Inlinable so callers in
    /// other modules get a version specialised for their collection type.
    @inlinable
    public init<Values: Collection>(_ values: Values) where Values.Element == Float {
        var sum = 0.0, low = Double.infinity, high = -Double.infinity
        for value in values {
            let x = Double(value)
            sum += x
            low = Swift.min(low, x)
            high = Swift.max(high, x)
        }
        let n = values.count
        let mean = n > 0 ? sum / Double(n) : 0
        var squares = 0.0
        for value in values {
            let d = Double(value) - mean
            squares += d * d
        }
        self.count = n
        self.mean = mean
        self.variance = n > 1 ? squares / Double(n - 1) : 0
        self.minimum = n > 0 ? low : 0
        self.maximum = n > 0 ? high : 0
    }

    /// Sample standard deviation √variance.
    public var standardDeviation: Double { variance.squareRoot() }
}
