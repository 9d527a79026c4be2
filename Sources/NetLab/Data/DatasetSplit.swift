/// A fixed split into training and test samples.
public struct DatasetSplit: Sendable, Equatable {
    /// Samples to train on.
    public var train: Dataset
    /// Held-out samples to evaluate on.
    public var test: Dataset

    /// Creates a split.
    public init(train: Dataset, test: Dataset) {
        self.train = train
        self.test = test
    }
}
