import Experiments
import Foundation
import Notebook

/// What a chapter program produced: each cell's record and printed output, in cell order.
struct CellRun: Sendable, Codable, Equatable {
    /// One record per cell.
    var records: [CellRecord]
    /// What each cell printed.
    var outputs: [String]

    /// The fixed line a program writes before each cell's output (`MARKER INDEX`).
    static let marker = "\u{1}workbook-cell"

    /// Why a run gave no result.
    enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        /// The binary was compiled for another key: it does not match its chapter.
        case stale(found: String)
        /// A located error.
        case error(WorkbookError)

        var description: String {
            switch self {
            case .stale(let found): return "the compiled chapter program is stale (it was built for key \(found))"
            case .error(let error): return error.description
            }
        }
    }

    /// Runs `executable` (compiled from `program`) with `overrides` (`[id: [name: value]]`), every
    /// cell or only those up to index `through`.
    static func run(
        _ executable: URL, program: ChapterProgram, overrides: [String: [String: String]], through: Int? = nil,
        file: String, workingDirectory: URL, timeout: Duration
    ) throws(Failure) -> CellRun {
        let count = Self.count(of: program.cells.count, through: through)
        let manager = FileManager.default
        let scratch = manager.temporaryDirectory.appendingPathComponent("workbook-run-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: scratch) }
        let events = scratch.appendingPathComponent("events.jsonl")
        let overridesJSON: String
        do {
            overridesJSON = String(decoding: try JSONEncoder().encode(overrides), as: UTF8.self)
        } catch {
            throw .error(
                WorkbookError(.cell, file: file, line: nil, "the cell overrides could not be encoded: \(error)"))
        }
        let outcome: ChildProcess.Outcome
        do {
            try manager.createDirectory(at: scratch, withIntermediateDirectories: true)
            _ = manager.createFile(atPath: events.path, contents: nil)
            var environment = [
                "WORKBOOK_CELL_PROTOCOL": events.path, "WORKBOOK_CELL_OVERRIDES": overridesJSON,
                "WORKBOOK_CELL_MARKER": marker, "SWIFT_BACKTRACE": "enable=no",
            ]
            if let through { environment["WORKBOOK_CELL_STOP_AFTER"] = String(through) }
            let child = ChildProcess(
                executable: executable, arguments: [], environment: environment,
                directory: workingDirectory, timeout: timeout)
            outcome = try child.run(scratch: scratch)
        } catch {
            throw .error(WorkbookError(.io, file: file, line: nil, "cannot run the chapter's program: \(error)"))
        }
        var started: String?
        var begun: Int?
        var records: [Int: CellRecord] = [:]
        var failure: (index: Int, message: String)?
        let lines = (manager.contents(atPath: events.path)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let decoder = ResultCoding.decoder()
        for line in lines.split(separator: "\n") {
            guard let event = try? decoder.decode(CellEvent.self, from: Data(line.utf8)) else { continue }
            switch event {
            case .started(let key): started = key
            case .begin(let index): begun = index
            case .end(let record): records[record.index] = record
            case .failed(let index, let message): failure = (index, message)
            }
        }
        guard let started, started == program.key else { throw .stale(found: started ?? "nothing") }
        func cell(_ index: Int?) -> SwiftCell? {
            guard let index, program.cells.indices.contains(index) else { return nil }
            return program.cells[index]
        }
        func located(_ index: Int?, _ message: String) -> Failure {
            let target = cell(index)
            let name = target.map { "cell '\($0.id)'" } ?? "the chapter's program"
            return .error(WorkbookError(.cell, file: file, line: target?.codeLine, "\(name) \(message)"))
        }
        if let failure { throw located(failure.index, "stopped: \(failure.message)") }
        switch outcome.ending {
        case .timedOut:
            throw located(
                begun,
                "ran past the time limit of \(timeout) and was stopped (an endless loop, or too much work for a page)")
        case .exited(0) where records.count == count:
            break
        case .exited(let status):
            throw located(begun, Self.explain(outcome.standardError, fallback: "exited with status \(status)"))
        case .signalled(let signal):
            throw located(begun, Self.explain(outcome.standardError, fallback: Self.describe(signal: signal)))
        }
        return CellRun(
            records: (0..<count).compactMap { records[$0] },
            outputs: Self.split(outcome.standardOutput, cells: count))
    }

    /// How many of `cells` cells a run up to index `through` (nil: all) produces.
    static func count(of cells: Int, through: Int?) -> Int {
        min(cells, (through ?? cells - 1) + 1)
    }

    /// The printed output of each cell, split at the marker lines.
    static func split(_ output: String, cells: Int) -> [String] {
        var outputs = [String](repeating: "", count: cells)
        var current: Int?
        for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix(marker + " "), let index = Int(line.dropFirst(marker.count + 1)), index < cells {
                current = index
                continue
            }
            if let current { outputs[current] += line + "\n" }
        }
        return outputs.map { text in
            var text = text
            while text.hasSuffix("\n") { text.removeLast() }
            return text
        }
    }

    /// The Swift runtime's message for a trap or an uncaught error, from standard error.
    static func explain(_ standardError: String, fallback: String) -> String {
        for line in standardError.split(separator: "\n") {
            if let range = line.range(of: "Fatal error: Error raised at top level: ") {
                return "threw an error: \(line[range.upperBound...])"
            }
            if let range = line.range(of: "Fatal error: ") {
                let detail = line[range.upperBound...]
                return "trapped: \(detail.isEmpty ? "fatal error" : String(detail)) (\(fallback))"
            }
        }
        return "trapped: \(fallback)"
    }

    /// A signal number in words.
    static func describe(signal: Int32) -> String {
        switch signal {
        case 4, 5:
            return
                "signal \(signal), a Swift runtime trap: integer overflow, an index out of range, a nil unwrapped or "
                + "a failed precondition"
        case 6: return "signal 6 (abort)"
        case 8: return "signal 8 (arithmetic error, e.g. integer division by zero)"
        case 9: return "signal 9 (killed; out of memory?)"
        case 11: return "signal 11 (segmentation fault; a stack overflow from deep recursion?)"
        default: return "signal \(signal)"
        }
    }
}
