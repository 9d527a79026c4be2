import Experiments
import Foundation

/// A content-addressed cache of experiment results, so rebuilding the site after editing one
/// chapter re-runs only that chapter's experiments.
///
/// An entry's name is SHA-256 of the experiment's name, every resolved parameter (defaults
/// included, so the seed is part of the key) and the *code version*: SHA-256 of every Swift, C
/// and data file under `Sources/WeightInit`, `Sources/CKernels`, `Sources/NetLab` and
/// `Sources/Experiments`, the code that computes results. Changing any of those files
/// invalidates every entry. Entries are JSON files (``ExperimentResult``'s lossless `Codable` form, written
/// by ``ResultCoding``) in `.workbook-cache/` at the repository root
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
    init?(repositoryRoot: URL, directory: URL? = nil) {
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
        self.directory = directory ?? repositoryRoot.appendingPathComponent(".workbook-cache")
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
              let result = try? ResultCoding.decoder().decode(ExperimentResult.self, from: data) else { return nil }
        return result
    }

    /// Stores `result` under `key` (written to a temporary file, then renamed); failures are ignored.
    func store(_ result: ExperimentResult, key: String) {
        guard let data = try? ResultCoding.encoder().encode(result) else { return }
        CacheEntry.write(data, name: key, in: directory)
    }
}

