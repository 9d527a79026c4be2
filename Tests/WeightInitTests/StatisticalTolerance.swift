import Foundation
import WeightInit

/// Tolerances derived from the sample size, used by every statistical test.
enum StatisticalTolerance {
    /// Number of standard errors a sample statistic may deviate (fixed seeds; ≈ 6e-7 two-sided for a normal).
    static let standardErrors = 5.0

    /// Standard error of a sample variance of `n` values with population variance `variance`
    /// and kurtosis `kurtosis` (3 for a normal, 1.8 for a uniform): σ²·√((κ − 1)/n).
    static func varianceStandardError(variance: Double, kurtosis: Double, count: Int) -> Double {
        variance * ((kurtosis - 1) / Double(count)).squareRoot()
    }

    /// Kolmogorov–Smirnov statistic D = sup |F_n(x) − F(x)| of `values` against `cdf`.
    static func kolmogorovSmirnov(_ values: [Float], cdf: (Double) -> Double) -> Double {
        let sorted = values.map(Double.init).sorted()
        let n = Double(sorted.count)
        var statistic = 0.0
        for (index, x) in sorted.enumerated() {
            let f = cdf(x)
            statistic = max(statistic, abs(Double(index + 1) / n - f), abs(f - Double(index) / n))
        }
        return statistic
    }

    /// The asymptotic KS critical value at significance 0.001: 1.949/√n.
    static func kolmogorovSmirnovCritical(count: Int) -> Double {
        1.949 / Double(count).squareRoot()
    }
}
