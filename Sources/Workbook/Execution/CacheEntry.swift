import Foundation

/// Writing one cache entry: to a temporary file in the same folder, then renamed into place with
/// rename(2), so a reader never sees half an entry. A cache is an optimisation: a failed write is ignored.
enum CacheEntry {
    /// Stores `data` as `folder/NAME.json`.
    static func write(_ data: Data, name: String, in folder: URL) {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let temporary = folder.appendingPathComponent(".\(name).\(UUID().uuidString).tmp")
        guard (try? data.write(to: temporary)) != nil else { return }
        if rename(temporary.path, folder.appendingPathComponent(name + ".json").path) != 0 {
            try? FileManager.default.removeItem(at: temporary)
        }
    }
}
