import WeightInit

/// The data sets selectable by name.
///
/// | name | task | inputs | outputs |
/// |---|---|---|---|
/// | digits | 10-class UCI digits, 1,437 train / 360 test | 64 pixels in [0, 1] | 10 |
/// | spirals | 2 interleaved spirals, 600 / 200 | 2 | 2 |
/// | circles | 2 concentric circles, 600 / 200 | 2 | 2 |
/// | teacher | regression on a random tanh teacher, 1,000 / 250 | 16 Gaussian | 1 (MSE) |
/// | gaussian | 4-class linear teacher on Gaussian inputs, 1,000 / 250 | 16 Gaussian | 4 |
public enum DatasetKind: String, Sendable, CaseIterable, NamedChoice {
    /// ``DigitsLoader``.
    case digits
    /// ``TwoSpirals``.
    case spirals
    /// ``ConcentricCircles``.
    case circles
    /// ``TeacherRegression``.
    case teacher
    /// ``GaussianClassification``.
    case gaussian

    /// `dataset`, as errors of ``init(name:)`` name the choice.
    public static var choiceKind: String { "dataset" }

    /// The train/test split; generated sets draw from `stream`, digits use their fixed split.
    /// Throws ``NetLabError/dataFile(_:)`` when the bundled digits cannot be read.
    public func load(stream: RandomStream) throws(NetLabError) -> DatasetSplit {
        switch self {
        case .digits:
            do {
                return try DigitsLoader.bundledSplit()
            } catch {
                throw .dataFile(error)
            }
        case .spirals: return TwoSpirals.split(stream: stream)
        case .circles: return ConcentricCircles.split(stream: stream)
        case .teacher: return try TeacherRegression.split(stream: stream)
        case .gaussian: return GaussianClassification.split(stream: stream)
        }
    }
}
