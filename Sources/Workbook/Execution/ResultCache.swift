import Experiments
import Foundation

/// A content-addressed cache of experiment results, so rebuilding the site after editing one
/// chapter re-runs only that chapter's experiments.
///
/// An entry's name is SHA-256 of the experiment's name, every resolved parameter (defaults
/// included, so the seed is part of the key) and the *code version*: SHA-256 of every Swift, C
/// and data file under `Sources/WeightInit`, `Sources/CKernels`, `Sources/NetLab` and
/// `Sources/Experiments`, the code that computes results. Changing any of those files
/// invalidates every entry. Entries are JSON files in `.workbook-cache/` at the repository root
/// (ignored by git); a missing, unreadable or corrupt entry is recomputed, never trusted.
/// `workbook build --no-cache` bypasses the cache.
struct ResultCache: Sendable {
    /// The folder holding the entries.
    let directory: URL
    /// SHA-256 of the result-producing sources.
    let codeVersion: String

    /// The modules whose sources determine results.
    static let resultModules = ["WeightInit", "CKernels", "NetLab", "Experiments"]

    /// A cache in `repositoryRoot/.workbook-cache`, or nil when the sources cannot be read
    /// (then every experiment simply runs).
    init?(repositoryRoot: URL) {
        let manager = FileManager.default
        var files: [String] = []
        for module in Self.resultModules {
            let folder = repositoryRoot.appendingPathComponent("Sources/\(module)")
            guard let enumerator = manager.enumerator(atPath: folder.path) else { return nil }
            for case let path as String in enumerator where [".swift", ".csv", ".c", ".h"].contains(where: path.hasSuffix) {
                files.append("Sources/\(module)/\(path)")
            }
        }
        guard !files.isEmpty else { return nil }
        var material: [UInt8] = []
        for path in files.sorted() {
            guard let contents = manager.contents(atPath: repositoryRoot.appendingPathComponent(path).path) else { return nil }
            material += Array(path.utf8) + [0] + Array(SHA256.hexDigest(contents).utf8) + [0]
        }
        self.directory = repositoryRoot.appendingPathComponent(".workbook-cache")
        self.codeVersion = SHA256.hexDigest(material)
    }

    /// The entry name for `experiment` run with `values`.
    func key(experiment: String, values: ParameterValues) -> String {
        var text = "workbook-result-cache v1\ncode \(codeVersion)\nexperiment \(experiment)\n"
        for setting in values.settings { text += "\(setting.name)=\(setting.value)\n" }
        return SHA256.hexDigest(Array(text.utf8))
    }

    /// The cached result for `key`, if a valid entry exists.
    func load(_ key: String) -> ExperimentResult? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent(key + ".json").path),
              let entry = try? JSONDecoder().decode(CachedResult.self, from: data) else { return nil }
        return entry.result
    }

    /// Stores `result` under `key` (written to a temporary file, then renamed); failures are ignored.
    func store(_ result: ExperimentResult, key: String) {
        guard let data = try? JSONEncoder().encode(CachedResult(result)) else { return }
        let manager = FileManager.default
        try? manager.createDirectory(at: directory, withIntermediateDirectories: true)
        let temporary = directory.appendingPathComponent(".\(key).\(UUID().uuidString).tmp")
        guard (try? data.write(to: temporary)) != nil else { return }
        let target = directory.appendingPathComponent(key + ".json")
        try? manager.removeItem(at: target)
        if (try? manager.moveItem(at: temporary, to: target)) == nil { try? manager.removeItem(at: temporary) }
    }
}

/// A lossless on-disk form of ``ExperimentResult``: cells keep their kind (an integer 3 and a
/// real 3.0 stay distinct), so a cached result renders byte-identically to a fresh one.
private struct CachedResult: Codable {
    struct Table: Codable {
        var name: String
        var columns: [String]
        var rows: [[Cell]]
    }

    struct Cell: Codable {
        var kind: String
        var text: String?
        var integer: Int?
        var number: Double?
    }

    var experiment: String
    var parameters: [ParameterSetting]
    var tables: [Table]
    var series: [ResultSeries]
    var histograms: [ResultHistogram]
    var notes: [String]

    init(_ result: ExperimentResult) {
        experiment = result.experiment
        parameters = result.parameters
        tables = result.tables.map { table in
            Table(name: table.name, columns: table.columns, rows: table.rows.map { row in
                row.map { cell in
                    switch cell {
                    case .text(let value): return Cell(kind: "text", text: value)
                    case .integer(let value): return Cell(kind: "integer", integer: value)
                    case .number(let value): return Cell(kind: "number", number: value)
                    case .missing: return Cell(kind: "missing")
                    }
                }
            })
        }
        series = result.series
        histograms = result.histograms
        notes = result.notes
    }

    var result: ExperimentResult? {
        var converted: [ResultTable] = []
        for table in tables {
            var rows: [[ResultCell]] = []
            for row in table.rows {
                var cells: [ResultCell] = []
                for cell in row {
                    switch (cell.kind, cell.text, cell.integer, cell.number) {
                    case ("text", let value?, _, _): cells.append(.text(value))
                    case ("integer", _, let value?, _): cells.append(.integer(value))
                    case ("number", _, _, let value?): cells.append(.number(value))
                    case ("missing", _, _, _): cells.append(.missing)
                    default: return nil
                    }
                }
                rows.append(cells)
            }
            converted.append(ResultTable(name: table.name, columns: table.columns, rows: rows))
        }
        return ExperimentResult(experiment: experiment, parameters: parameters, tables: converted,
                                series: series, histograms: histograms, notes: notes)
    }
}
