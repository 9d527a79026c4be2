extension ExperimentRegistry {
    /// Every experiment of the workbook, in the order `workbook list` shows them:
    /// forward-stats, backward-stats, symmetry, training, depth-sweep, spectrum, lsuv.
    public static let standard = ExperimentRegistry([
        ForwardStatsExperiment(),
        BackwardStatsExperiment(),
        SymmetryExperiment(),
        TrainingExperiment(),
        DepthSweepExperiment(),
        SpectrumExperiment(),
        LSUVExperiment(),
    ])
}
