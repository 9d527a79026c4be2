import Experiments
import Foundation

/// "Nice" axis ticks: multiples of 1, 2 or 5 times a power of ten on linear axes,
/// powers of ten (with 2 and 5 inside a single decade) on logarithmic axes.
struct AxisTicks: Equatable {
    /// Tick values, ascending.
    var values: [Double]
    /// The axis range (covers every tick and every data value).
    var lower: Double
    /// The axis range's upper end.
    var upper: Double
    /// Tick labels, one per value.
    var labels: [String]

    /// About `target` nice ticks covering `minimum...maximum`.
    static func linear(minimum: Double, maximum: Double, target: Int = 5) -> AxisTicks {
        var low = minimum, high = maximum
        if !low.isFinite || !high.isFinite {
            low = 0
            high = 1
        }
        if low == high {
            let pad = low == 0 ? 1 : abs(low) * 0.1
            low -= pad
            high += pad
        }
        let step = niceStep((high - low) / Double(max(1, target)))
        let first = (low / step).rounded(.down)
        let last = (high / step).rounded(.up)
        var values: [Double] = []
        var k = first
        while k <= last + 0.5 && values.count < 50 {
            let value = k * step
            values.append(value == 0 ? 0 : value)
            k += 1
        }
        let decimals = max(0, -Int(floor(log10(step) + 1e-9)))
        let useExponent = max(abs(first * step), abs(last * step)) >= 1e5 || step < 1e-4
        let labels = values.map { value -> String in
            if value == 0 { return "0" }
            return useExponent ? exponentLabel(value) : String(format: "%.\(decimals)f", value)
        }
        return AxisTicks(values: values, lower: first * step, upper: last * step, labels: labels)
    }

    /// Ticks for a logarithmic axis over the positive range `minimum...maximum`.
    static func logarithmic(minimum: Double, maximum: Double) -> AxisTicks {
        var low = minimum, high = maximum
        if !(low > 0) || !low.isFinite { low = 1 }
        if !(high > 0) || !high.isFinite { high = low * 10 }
        var lowExponent = Int(floor(log10(low) + 1e-9))
        var highExponent = Int(ceil(log10(high) - 1e-9))
        if highExponent <= lowExponent { highExponent = lowExponent + 1 }
        let decades = highExponent - lowExponent
        var values: [Double] = []
        if decades <= 2 {
            for exponent in lowExponent..<highExponent {
                for multiple in [1.0, 2.0, 5.0] { values.append(multiple * pow(10, Double(exponent))) }
            }
            values.append(pow(10, Double(highExponent)))
        } else {
            let stride = max(1, Int((Double(decades) / 6).rounded(.up)))
            lowExponent = Int((Double(lowExponent) / Double(stride)).rounded(.down)) * stride
            highExponent = Int((Double(highExponent) / Double(stride)).rounded(.up)) * stride
            var exponent = lowExponent
            while exponent <= highExponent {
                values.append(pow(10, Double(exponent)))
                exponent += stride
            }
        }
        let labels = values.map { value -> String in
            let exponent = Int(floor(log10(value) + 1e-9))
            if exponent >= -3 && exponent <= 4 {
                return NumberFormatting.plain(value)
            }
            return exponentLabel(value)
        }
        return AxisTicks(values: values, lower: values.first ?? low, upper: values.last ?? high, labels: labels)
    }

    /// The 1, 2 or 5 × 10^k step nearest above `rough`.
    static func niceStep(_ rough: Double) -> Double {
        guard rough > 0, rough.isFinite else { return 1 }
        let magnitude = pow(10, floor(log10(rough)))
        let residual = rough / magnitude
        let multiple: Double = residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 5 ? 5 : 10
        return multiple * magnitude
    }

    /// `2e-5`, `1e6`: mantissa with up to two significant digits and a plain exponent.
    static func exponentLabel(_ value: Double) -> String {
        let exponent = Int(floor(log10(abs(value)) + 1e-9))
        let mantissa = value / pow(10, Double(exponent))
        return NumberFormatting.plain((mantissa * 10).rounded() / 10) + "e" + String(exponent)
    }
}

extension NumberFormatting {
    /// The shortest plain decimal of a tick value (`0.001`, `20`, `2.5`) with at most 6 decimals.
    static func plain(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }
}
