import Foundation

/// What building one chapter did.
public struct ChapterReport: Sendable, Equatable {
    /// The chapter file name without `.md` (e.g. `03-xavier`).
    public var name: String
    /// The chapter title.
    public var title: String
    /// Number of experiment blocks and chapter programs (all Swift cells of the chapter count as one) run.
    public var experimentsRun: Int
    /// Number of those whose result came from the cache.
    public var experimentsCached: Int = 0
    /// Wall-clock seconds spent on the chapter.
    public var seconds: Double

    /// Creates a report.
    public init(name: String, title: String, experimentsRun: Int, experimentsCached: Int = 0, seconds: Double) {
        self.name = name
        self.title = title
        self.experimentsRun = experimentsRun
        self.experimentsCached = experimentsCached
        self.seconds = seconds
    }

    /// One progress line: `03-xavier  1 run  2.31 s` (`, 2 from the cache` when results were reused).
    public var progressLine: String {
        let padded = name.count < 28 ? name + String(repeating: " ", count: 28 - name.count) : name
        let cached = experimentsCached > 0 ? ", \(experimentsCached) from the cache" : ""
        return "\(padded) \(experimentsRun) run\(cached)  \(String(format: "%.2f", seconds)) s"
    }
}
