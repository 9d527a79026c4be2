/// The optimisers selectable by name: `sgd`, `momentum` (μ = 0.9) and `adam` (β = 0.9, 0.999).
public enum OptimizerKind: String, Sendable, CaseIterable, NamedChoice {
    /// ``SGD``.
    case sgd
    /// ``MomentumSGD`` with μ = 0.9.
    case momentum
    /// ``Adam`` with default hyper-parameters.
    case adam

    /// `optimizer`, as errors of ``init(name:)`` name the choice.
    public static var choiceKind: String { "optimizer" }

    /// A fresh optimiser of this kind with step size `learningRate`.
    public func make(learningRate: Float) -> any Optimizer {
        switch self {
        case .sgd: return SGD(learningRate: learningRate)
        case .momentum: return MomentumSGD(learningRate: learningRate)
        case .adam: return Adam(learningRate: learningRate)
        }
    }
}
