import Foundation

/// File-system steps of a build: staging folders beside the output, writing files,
/// swapping the finished site into place and comparing two sites.
enum SiteDirectory {
    /// A new empty folder beside `output` (same file system, so the final rename is atomic).
    static func makeStaging(beside output: URL, label: String) throws(WorkbookError) -> URL {
        let parent = output.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(output.lastPathComponent).\(label)-\(UUID().uuidString)")
        do {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        } catch {
            throw WorkbookError(
                .io, file: staging.path, line: nil, "cannot create the staging folder: \(error.localizedDescription)")
        }
        return staging
    }

    /// Removes `url` if it exists (errors ignored: used for clean-up).
    static func remove(_ url: URL) {
        try? FileManager.default.removeItem(at: url)
    }

    /// Writes `contents` as UTF-8 to `path` (relative, `/`-separated) under `root`, creating folders.
    static func write(_ contents: String, to path: String, in root: URL) throws(WorkbookError) {
        let url = root.appendingPathComponent(path)
        do {
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        } catch {
            throw WorkbookError(.io, file: url.path, line: nil, "cannot write: \(error.localizedDescription)")
        }
    }

    /// Puts `staging` in place of `output`: the old site is renamed aside, the new one renamed in,
    /// and the old one deleted; if the second rename fails the old site is restored.
    static func replace(_ output: URL, with staging: URL) throws(WorkbookError) {
        let manager = FileManager.default
        guard manager.fileExists(atPath: output.path) else {
            do {
                try manager.moveItem(at: staging, to: output)
            } catch {
                throw WorkbookError(
                    .io, file: output.path, line: nil,
                    "cannot move the new site into place: \(error.localizedDescription)")
            }
            return
        }
        let backup = output.deletingLastPathComponent().appendingPathComponent(
            ".\(output.lastPathComponent).old-\(UUID().uuidString)")
        do {
            try manager.moveItem(at: output, to: backup)
        } catch {
            throw WorkbookError(
                .io, file: output.path, line: nil, "cannot move the old site aside: \(error.localizedDescription)")
        }
        do {
            try manager.moveItem(at: staging, to: output)
        } catch {
            try? manager.moveItem(at: backup, to: output)
            throw WorkbookError(
                .io, file: output.path, line: nil, "cannot move the new site into place: \(error.localizedDescription)")
        }
        remove(backup)
    }

    /// Every regular file under `root`, as sorted relative paths.
    static func files(under root: URL) -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: [.isRegularFileKey])
        else { return [] }
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        var paths: [String] = []
        for case let url as URL in enumerator {
            guard (try? url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile) == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            if path.hasPrefix(base + "/") { paths.append(String(path.dropFirst(base.count + 1))) }
        }
        return paths.sorted()
    }

    /// The files that differ between the `current` site and a `fresh` build.
    static func differences(current: URL, fresh: URL) -> [SiteDifference] {
        let currentFiles = Set(files(under: current)), freshFiles = Set(files(under: fresh))
        var differences: [SiteDifference] = []
        for path in currentFiles.union(freshFiles).sorted() {
            if !currentFiles.contains(path) {
                differences.append(.init(path: path, kind: .missing))
                continue
            }
            if !freshFiles.contains(path) {
                differences.append(.init(path: path, kind: .extra))
                continue
            }
            let a = try? Data(contentsOf: current.appendingPathComponent(path))
            let b = try? Data(contentsOf: fresh.appendingPathComponent(path))
            if a != b { differences.append(.init(path: path, kind: .changed)) }
        }
        return differences
    }
}
