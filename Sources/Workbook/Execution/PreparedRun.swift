import Dispatch
import Experiments
import Synchronization
import WeightInit

/// An experiment block resolved against the registry, ready to run.
struct PreparedRun: Sendable {
    /// The block.
    var block: ExperimentBlock
    /// The experiment it names.
    var experiment: any Experiment
    /// Fully resolved parameter values.
    var values: ParameterValues
    /// Parameters whose value differs from the default, in declaration order (canonical text).
    var nonDefault: [(name: String, value: String)]
    /// The `--set` overrides that applied to this block.
    var overrides: [ChapterOverride]
}
