import Foundation

/// Notices edits to a chapters folder by polling: a fingerprint of every file's name, size and
/// modification time (cheap for a course's few dozen files, and works on every file system).
struct ChapterWatcher: Sendable {
    /// The folder watched.
    var folder: URL

    /// The current fingerprint; it changes when a file is added, removed or saved.
    func fingerprint() -> String {
        let manager = FileManager.default
        let names = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        var text = ""
        for name in names where !name.hasPrefix(".") {
            let attributes = (try? manager.attributesOfItem(atPath: folder.appendingPathComponent(name).path)) ?? [:]
            let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            text += "\(name) \(size) \(modified)\n"
        }
        return text
    }
}
