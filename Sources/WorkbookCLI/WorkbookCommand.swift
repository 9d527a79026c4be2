import ArgumentParser
import Benchmarks
import CKernels

/// The `workbook` command: builds the site, runs experiments and samples initialisers.
@main
struct WorkbookCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "workbook",
        abstract:
            "Learn and teach neural-network weight initialisation: sample initialisers, run experiments, build the "
            + "site.",
        subcommands: [
            BuildCommand.self, RenderCommand.self, CheckCommand.self, ServeCommand.self,
            SampleCommand.self,
            GainCommand.self,
            ListCommand.self, RunCommand.self,
            BenchCommand.self,
        ]
    )

    /// Records when `main` began (for `workbook run --timings`), tunes the allocator for large
    /// arrays (`wb_tune_allocator`), then parses and runs the command.
    static func main() {
        _ = ProcessStart.mainEntered
        wb_tune_allocator()
        main(nil)
    }
}
