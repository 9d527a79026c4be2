import Foundation

/// Finds the workbook's package folder, so commands work from any folder inside it (e.g. `Chapters/`).
public enum PackageRoot {
    /// The nearest folder at or above `start` that holds `Package.swift` and `Chapters/`, or nil.
    public static func find(from start: URL) -> URL? {
        let manager = FileManager.default
        var folder = start.standardizedFileURL
        while true {
            if manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path),
                manager.fileExists(atPath: folder.appendingPathComponent("Chapters").path)
            {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The package folder above the current directory, or the current directory itself.
    public static var current: URL {
        let here = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        return find(from: here) ?? here
    }
}
