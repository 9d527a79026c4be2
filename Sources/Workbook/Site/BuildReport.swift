import Foundation

/// What a site build did.
public struct BuildReport: Sendable, Equatable {
    /// One entry per chapter, in course order.
    public var chapters: [ChapterReport]
    /// The directory that now holds the site.
    public var outputDirectory: URL
    /// Total wall-clock seconds.
    public var seconds: Double
}
