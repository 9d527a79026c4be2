/// The benchmark cases `workbook bench` runs, mirrored one-for-one by `Benchmarks/numpy_reference.py`
/// (except ``siteBuildCases``, which has no NumPy counterpart).
public enum StandardBenchmarks {
    /// Every case, in report order: initialisers, kernels, experiments, forward-stats' products
    /// and a whole `workbook run` process, the site build.
    public static var all: [BenchmarkCase] {
        initializerCases + kernelCases + experimentCases + floorCases + siteBuildCases
    }
}
