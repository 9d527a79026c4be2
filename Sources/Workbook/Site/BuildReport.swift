import Foundation

/// What building one chapter did.
public struct ChapterReport: Sendable, Equatable {
    /// The chapter file name without `.md` (e.g. `03-xavier`).
    public var name: String
    /// The chapter title.
    public var title: String
    /// Number of experiment blocks run.
    public var experimentsRun: Int
    /// Wall-clock seconds spent on the chapter.
    public var seconds: Double

    /// One progress line: `03-xavier  4 experiments  2.31 s`.
    public var progressLine: String {
        let padded = name.count < 28 ? name + String(repeating: " ", count: 28 - name.count) : name
        return "\(padded) \(experimentsRun) experiment\(experimentsRun == 1 ? "" : "s")  \(String(format: "%.2f", seconds)) s"
    }
}

/// What a site build did.
public struct BuildReport: Sendable, Equatable {
    /// One entry per chapter, in course order.
    public var chapters: [ChapterReport]
    /// The directory that now holds the site.
    public var outputDirectory: URL
    /// Total wall-clock seconds.
    public var seconds: Double
}

/// A file that differs between the built site and a fresh build (see ``SiteBuilder/check()``).
public struct SiteDifference: Sendable, Equatable, CustomStringConvertible {
    /// How the file differs.
    public enum Kind: String, Sendable {
        /// The contents differ.
        case changed
        /// A fresh build would create the file; the site lacks it.
        case missing
        /// The site has a file a fresh build would not create.
        case extra
    }

    /// The path relative to the site root.
    public var path: String
    /// How it differs.
    public var kind: Kind

    /// `changed: 03-xavier.html`.
    public var description: String { "\(kind.rawValue): \(path)" }
}
