/// A labelled data set: one input row per sample and its target.
public struct Dataset: Sendable, Equatable {
    /// A short name (`digits`, `spirals`, …).
    public var name: String
    /// Inputs, `count × features`.
    public var inputs: Matrix
    /// Targets: labels for classification, values for regression.
    public var targets: Targets
    /// Number of classes, or nil for regression.
    public var classCount: Int?

    /// Creates a data set; throws when inputs and targets disagree on the sample count.
    public init(name: String, inputs: Matrix, targets: Targets, classCount: Int?) throws(NetLabError) {
        guard inputs.rows == targets.count else {
            throw .shapeMismatch(
                operation: "Dataset(\(name))", expected: "\(inputs.rows) targets", actual: "\(targets.count)")
        }
        self.name = name
        self.inputs = inputs
        self.targets = targets
        self.classCount = classCount
    }

    /// A data set whose inputs and targets are known to agree (generators in this module).
    init(generated name: String, inputs: Matrix, targets: Targets, classCount: Int?) {
        self.name = name
        self.inputs = inputs
        self.targets = targets
        self.classCount = classCount
    }

    /// Number of samples.
    public var count: Int { inputs.rows }
    /// Number of input features.
    public var features: Int { inputs.columns }
    /// Output units a network needs: the class count, or the number of target values.
    public var outputWidth: Int {
        if let classCount { return classCount }
        if case .values(let values) = targets { return values.columns }
        return 1
    }
    /// True for classification (labels), false for regression.
    public var isClassification: Bool { classCount != nil }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: some Collection<Int>) -> Dataset {
        var copy = self
        copy.inputs = inputs.gatherRows(indices)
        copy.targets = targets.gather(indices)
        return copy
    }
}
