import Foundation

/// A temporary folder that is deleted when the last reference goes: a case's prepared closure holds
/// it, so the folder lives exactly as long as the case's runs.
final class ScratchFolder: Sendable {
    /// The folder (created by ``init(prefix:)``).
    let url: URL

    /// Creates `$TMPDIR/PREFIX-UUID`.
    init(prefix: String) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit {
        try? FileManager.default.removeItem(at: url)  // best effort: a leftover temporary folder is harmless
    }
}
