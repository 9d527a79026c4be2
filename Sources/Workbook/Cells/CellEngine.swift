import Experiments
import Foundation

/// Compiles and runs a chapter's Swift cells: one program per chapter, compiled once per
/// content key, run in a child process with a time limit, its output cached by key and overrides.
struct CellEngine: Sendable {
    /// The repository root: programs run there.
    var repositoryRoot: URL
    /// Compiled programs (`programs/`) and cached runs (`cells/`) live here.
    var cacheDirectory: URL
    /// The time limit of one chapter program.
    var timeout: Duration
    /// Whether run outputs are cached (compiled programs are always reused: they are content-addressed).
    var cachesRuns: Bool

    /// The default time limit: `WORKBOOK_CELL_TIMEOUT` seconds, else 600 s.
    static var defaultTimeout: Duration {
        if let text = ProcessInfo.processInfo.environment["WORKBOOK_CELL_TIMEOUT"], let seconds = Double(text),
            seconds > 0
        {
            return .milliseconds(Int(seconds * 1000))
        }
        return .seconds(600)
    }

    /// Runs `cells` of chapter `file` with `overrides`, all of them or those up to index `through`;
    /// the flag says whether the output came from the cache.
    func run(
        _ cells: [SwiftCell], file: String, overrides: [String: [String: String]],
        through: Int? = nil
    ) throws(WorkbookError) -> (CellRun, cached: Bool) {
        let products = try BuildProducts.locate(file: file)
        let program = ChapterProgram(cells: cells, file: file, fingerprint: products.fingerprint)
        let runKey = Self.runKey(program: program, overrides: overrides, through: through)
        if cachesRuns, let cached = loadRun(runKey, cells: CellRun.count(of: cells.count, through: through)) {
            return (cached, true)
        }
        let compiler = CellCompiler(
            products: products, programsDirectory: cacheDirectory.appendingPathComponent("programs"))
        var attempts = 0
        while true {
            attempts += 1
            let executable = try compiler.executable(for: program, file: file)
            do throws(CellRun.Failure) {
                let run = try CellRun.run(
                    executable, program: program, overrides: overrides, through: through, file: file,
                    workingDirectory: repositoryRoot, timeout: timeout)
                if cachesRuns { storeRun(run, key: runKey) }
                return (run, false)
            } catch {
                switch error {
                case .error(let error): throw error
                case .stale(let found):
                    // The stored binary was compiled from other cells: never render its output.
                    compiler.discard(program)
                    if attempts >= 2 {
                        throw WorkbookError(
                            .cell, file: file, line: cells.first?.line,
                            "the compiled program does not match the chapter's cells (it reports key "
                                + "\(found.prefix(12)), expected \(program.key.prefix(12))); delete "
                                + ".workbook-cache/programs and rebuild"
                        )
                    }
                }
            }
        }
    }

    static func runKey(program: ChapterProgram, overrides: [String: [String: String]], through: Int? = nil) -> String {
        var text = "workbook-cell-run v1\nprogram \(program.key)\n"
        if let through { text += "through \(through)\n" }
        for id in overrides.keys.sorted() {
            for name in (overrides[id] ?? [:]).keys.sorted() { text += "\(id).\(name)=\(overrides[id]?[name] ?? "")\n" }
        }
        return SHA256.hexDigest(Array(text.utf8))
    }

    private func loadRun(_ key: String, cells: Int) -> CellRun? {
        let url = cacheDirectory.appendingPathComponent("cells/\(key).json")
        guard let data = FileManager.default.contents(atPath: url.path),
            let run = try? ResultCoding.decoder().decode(CellRun.self, from: data),
            run.records.count == cells, run.outputs.count == cells
        else { return nil }
        return run
    }

    private func storeRun(_ run: CellRun, key: String) {
        guard let data = try? ResultCoding.encoder().encode(run) else { return }
        CacheEntry.write(data, name: key, in: cacheDirectory.appendingPathComponent("cells"))
    }
}
