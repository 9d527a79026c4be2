/// The optimisers selectable by name: `sgd`, `momentum` (μ = 0.9) and `adam` (β = 0.9, 0.999).
public enum OptimizerKind: String, Sendable, CaseIterable {
    /// ``SGD``.
    case sgd
    /// ``MomentumSGD`` with μ = 0.9.
    case momentum
    /// ``Adam`` with default hyper-parameters.
    case adam

    /// Parses a name; the error lists the valid names.
    public init(name: String) throws(NetLabError) {
        guard let kind = OptimizerKind(rawValue: name.lowercased()) else {
            throw .unknownName(kind: "optimizer", name: name, valid: OptimizerKind.allCases.map(\.rawValue))
        }
        self = kind
    }

    /// A fresh optimiser of this kind with step size `learningRate`.
    public func make(learningRate: Float) -> any Optimizer {
        switch self {
        case .sgd: return SGD(learningRate: learningRate)
        case .momentum: return MomentumSGD(learningRate: learningRate)
        case .adam: return Adam(learningRate: learningRate)
        }
    }
}
