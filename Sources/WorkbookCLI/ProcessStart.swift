import ArgumentParser
import Benchmarks
import CKernels

/// The CLOCK_MONOTONIC time at which `main` began, read once.
enum ProcessStart {
    /// Set by the first access, at the top of ``WorkbookCommand/main()``.
    static let mainEntered = ProcessPhases.now()
}
