import Experiments
import Foundation

/// A content-addressed cache of experiment results, so rebuilding the site after editing one
/// chapter re-runs only that chapter's experiments.
///
/// An entry's name is SHA-256 of the experiment's name, every resolved parameter (defaults
/// included, so the seed is part of the key) and the *code version*: SHA-256 of every Swift, C
/// and data file in the `codeFolders` it is given (the site builder passes the modules that compute
/// results, ``SiteBuilder/resultCodeFolders(repositoryRoot:)``). Changing any of those files
/// invalidates every entry. Entries are JSON files (``ExperimentResult``'s lossless `Codable` form,
/// written by ``ResultCoding``) in `directory`; a missing, unreadable or corrupt entry is recomputed,
/// never trusted. `workbook build --no-cache` bypasses the cache.
struct ResultCache: Sendable {
    /// The folder holding the entries.
    let directory: URL
    /// SHA-256 of the result-producing sources.
    let codeVersion: String

    /// A cache in `directory` whose code version hashes every `.swift`, `.c`, `.h` and `.csv` file
    /// under `codeFolders` (each named by its folder name and relative path); nil when a folder
    /// cannot be read or holds no such file (then every experiment simply runs).
    init?(codeFolders: [URL], directory: URL) {
        let manager = FileManager.default
        var files: [(name: String, url: URL)] = []
        for folder in codeFolders {
            guard let enumerator = manager.enumerator(atPath: folder.path) else { return nil }
            for case let path as String in enumerator
            where [".swift", ".csv", ".c", ".h"].contains(where: path.hasSuffix) {
                files.append((folder.lastPathComponent + "/" + path, folder.appendingPathComponent(path)))
            }
        }
        guard !files.isEmpty else { return nil }
        var material: [UInt8] = []
        for file in files.sorted(by: { $0.name < $1.name }) {
            guard let contents = manager.contents(atPath: file.url.path) else { return nil }
            material += Array(file.name.utf8) + [0] + Array(SHA256.hexDigest(contents).utf8) + [0]
        }
        self.directory = directory
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
            let result = try? ResultCoding.decoder().decode(ExperimentResult.self, from: data)
        else { return nil }
        return result
    }

    /// Stores `result` under `key` (written to a temporary file, then renamed); failures are ignored.
    func store(_ result: ExperimentResult, key: String) {
        guard let data = try? ResultCoding.encoder().encode(result) else { return }
        CacheEntry.write(data, name: key, in: directory)
    }
}
