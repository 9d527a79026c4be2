import Experiments
import Foundation
import Synchronization

/// The state of a running chapter program. Generated code calls ``start(program:cells:)``,
/// ``beginCell(_:)`` and ``finish()``; cells use the free functions ``parameter(_:_:_:)``,
/// ``show(_:)``, ``plot(_:label:x:y:xLabel:yLabel:divergedAt:)``, ``histogram(_:label:panel:values:range:bins:)``
/// and ``note(_:)``, which record into the current cell.
///
/// Environment (set by the renderer; a program run by hand needs none of it):
/// - `WORKBOOK_CELL_PROTOCOL`: the file that receives one ``CellEvent`` per line;
/// - `WORKBOOK_CELL_OVERRIDES`: JSON `{"ID": {"NAME": "VALUE"}}`, the `--set` overrides;
/// - `WORKBOOK_CELL_MARKER`: a line written to standard output before each cell, so the renderer
///   can split the printed output by cell;
/// - `WORKBOOK_CELL_STOP_AFTER`: a cell index; the program ends after that cell (the renderer runs
///   the cells up to an explored one for each combination of its grid).
public enum CellRuntime {
    struct State {
        var cells: [String] = []
        var current: Int?
        var parameters: [CellParameter] = []
        var tables: [ResultTable] = []
        var series: [ResultSeries] = []
        var histograms: [ResultHistogram] = []
        var notes: [String] = []
        var checks: [CheckResult] = []
        var overrides: [String: [String: String]] = [:]
        var protocolHandle: FileHandle?
        var marker: String?
        var stopAfter: Int?
    }

    static let state = Mutex(State())

    /// Starts the program compiled for key `program`, whose cells have the ids `cells`.
    public static func start(program: String, cells: [String]) {
        let environment = ProcessInfo.processInfo.environment
        var overrides: [String: [String: String]] = [:]
        if let json = environment["WORKBOOK_CELL_OVERRIDES"] {
            do {
                overrides = try JSONDecoder().decode([String: [String: String]].self, from: Data(json.utf8))
            } catch {
                fail("malformed WORKBOOK_CELL_OVERRIDES (\(error))")
            }
        }
        state.withLock { state in
            state.cells = cells
            state.marker = environment["WORKBOOK_CELL_MARKER"]
            state.stopAfter = environment["WORKBOOK_CELL_STOP_AFTER"].flatMap { Int($0) }
            if let path = environment["WORKBOOK_CELL_PROTOCOL"] {
                state.protocolHandle = FileHandle(forWritingAtPath: path)
            }
            state.overrides = overrides
        }
        emit(.started(program: program))
    }

    /// Ends the previous cell (if any) and begins cell `index`.
    public static func beginCell(_ index: Int) {
        endCurrentCell()
        fflush(nil)
        if let stop = state.withLock({ $0.stopAfter }), index > stop { exit(0) }
        let marker = state.withLock { state -> String? in
            state.current = index
            return state.marker
        }
        if let marker {
            print("\(marker) \(index)")
            fflush(nil)
        }
        emit(.begin(index: index))
    }

    /// Ends the last cell; called once after every cell ran.
    public static func finish() {
        endCurrentCell()
        fflush(nil)
    }

    /// Stops the program with `message`, reported at the current cell's line.
    public static func fail(_ message: String) -> Never {
        fflush(nil)
        let index = state.withLock { $0.current } ?? 0
        emit(.failed(index: index, message: message))
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        exit(3)
    }

    /// The id of the running cell.
    static var currentID: String {
        state.withLock { state in
            guard let index = state.current, index < state.cells.count else { return "cell" }
            return state.cells[index]
        }
    }

    /// Runs `body` on the state.
    static func record<T>(_ body: (inout State) -> T) -> T {
        state.withLock { body(&$0) }
    }

    private static func endCurrentCell() {
        let record = state.withLock { state -> CellRecord? in
            guard let index = state.current else { return nil }
            let id = index < state.cells.count ? state.cells[index] : "cell-\(index + 1)"
            let settings = state.parameters.map { ParameterSetting(name: $0.name, value: $0.value) }
            let result = ExperimentResult(
                experiment: "cell", parameters: settings, tables: state.tables,
                series: state.series, histograms: state.histograms, notes: state.notes)
            var record = CellRecord(index: index, id: id, parameters: state.parameters, result: result)
            record.checks = state.checks
            state.checks = []
            state.current = nil
            state.parameters = []
            state.tables = []
            state.series = []
            state.histograms = []
            state.notes = []
            return record
        }
        if let record { emit(.end(record)) }
    }

    private static func emit(_ event: CellEvent) {
        let data: Data
        do {
            data = try ResultCoding.encoder().encode(event)
        } catch {
            // Not `fail`, which emits an event itself.
            FileHandle.standardError.write(Data("error: a cell's output could not be encoded (\(error))\n".utf8))
            exit(3)
        }
        state.withLock { state in
            state.protocolHandle?.write(data + Data("\n".utf8))
        }
    }
}
