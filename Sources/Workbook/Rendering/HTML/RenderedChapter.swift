/// One chapter rendered to HTML fragments, before it is placed in a page.
public struct RenderedChapter: Sendable {
    /// A heading listed in the chapter's table of contents.
    public struct TOCEntry: Sendable, Equatable {
        /// 2 for sections, 3 for subsections.
        public var level: Int
        /// The heading's text.
        public var text: String
        /// The heading's `id`.
        public var id: String
    }

    /// A file to write beside the page (relative to the site root).
    public struct DataFile: Sendable, Equatable {
        /// The path relative to the site root (e.g. `data/03-xavier/cs231n-layers.csv`).
        public var path: String
        /// The file's contents.
        public var contents: String
    }

    /// The chapter file.
    public var chapter: ChapterFile
    /// Each objective rendered as inline Markdown (math allowed).
    public var objectivesHTML: [String]
    /// The article body (everything after the title block).
    public var bodyHTML: String
    /// Sections for the table of contents.
    public var toc: [TOCEntry]
    /// Every seed used on the page, ascending.
    public var seeds: [UInt64]
    /// CSV and JSON downloads of the chapter's tables.
    public var dataFiles: [DataFile]
    /// Number of experiment blocks run.
    public var experimentsRun: Int
    /// Number of experiment blocks whose result came from the cache.
    public var experimentsCached: Int = 0
    /// A notice shown above the chapter body (HTML), e.g. the parameters a reader changed.
    public var noticeHTML: String?
}
