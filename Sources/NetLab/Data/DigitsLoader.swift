import Foundation
import WeightInit

/// Loads the UCI handwritten digits (Alpaydin & Kaynak 1998; see `Resources/DIGITS-LICENSE.md`):
/// 1,797 8×8 images, 64 integer pixels in 0…16 then the label 0…9 per line.
///
/// Pixels are scaled to [0, 1] (x = pixel/16). ``split(_:)`` makes the fixed 1,437/360
/// train/test split from a Philox permutation with seed ``splitSeed``.
public enum DigitsLoader {
    /// Pixels per image.
    public static let pixels = 64
    /// Number of classes.
    public static let classes = 10
    /// Number of test samples in the fixed split.
    public static let testCount = 360
    /// Number of samples in the bundled `digits.csv`.
    public static let bundledCount = 1_797
    /// Number of training samples in the fixed split of the bundled file: 1,797 − 360 = 1,437.
    public static let trainCount = bundledCount - testCount
    /// The seed of the split's permutation (fixed, so every run uses the same split).
    public static let splitSeed: UInt64 = 1998

    /// The bundled `digits.csv`.
    public static func bundledURL() throws(DigitsError) -> URL {
        guard let url = Bundle.module.url(forResource: "digits", withExtension: "csv") else {
            throw .missingResource(name: "digits.csv")
        }
        return url
    }

    /// Parses a digits CSV file; errors name the file and line.
    public static func load(_ url: URL) throws(DigitsError) -> Dataset {
        let file = url.lastPathComponent
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(file: url.path, reason: error.localizedDescription)
        }
        var pixels: [Float] = []
        var labels: [Int] = []
        var lineNumber = 0
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty { continue }
            let fields = trimmed.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == DigitsLoader.pixels + 1 else {
                throw .malformedLine(
                    file: file, line: lineNumber,
                    reason:
                        "expected \(DigitsLoader.pixels + 1) comma-separated fields (64 pixels and a label), found "
                        + "\(fields.count)"
                )
            }
            for (column, field) in fields.enumerated() {
                let value = field.trimmingCharacters(in: .whitespaces)
                let isLabel = column == DigitsLoader.pixels
                let range = isLabel ? 0...9 : 0...16
                guard let number = Int(value), range.contains(number) else {
                    let what = isLabel ? "label" : "pixel \(column + 1)"
                    throw .malformedLine(
                        file: file, line: lineNumber,
                        reason: "\(what) '\(value)' is not an integer in \(range.lowerBound)...\(range.upperBound)")
                }
                if isLabel { labels.append(number) } else { pixels.append(Float(number) / 16) }
            }
        }
        guard !labels.isEmpty else { throw .empty(file: file) }
        var inputs = Matrix(rows: labels.count, columns: DigitsLoader.pixels)
        inputs.scalars = pixels
        return Dataset(generated: "digits", inputs: inputs, targets: .labels(labels), classCount: DigitsLoader.classes)
    }

    /// The fixed split: a seeded permutation, the last ``testCount`` samples for testing.
    public static func split(_ dataset: Dataset) -> DatasetSplit {
        var stream = RandomStream(seed: splitSeed)
        let order = SeededPermutation.make(count: dataset.count, stream: &stream)
        let testCount = min(DigitsLoader.testCount, dataset.count / 2)
        let trainCount = dataset.count - testCount
        return DatasetSplit(train: dataset.subset(order[..<trainCount]), test: dataset.subset(order[trainCount...]))
    }

    /// The bundled digits, split 1,437 / 360.
    public static func bundledSplit() throws(DigitsError) -> DatasetSplit {
        split(try load(try bundledURL()))
    }
}
