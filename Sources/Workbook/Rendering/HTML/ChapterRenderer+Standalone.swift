import Experiments
import Foundation

/// Rendering Markdown on its own, outside a chapter: no front matter, no experiments or cells,
/// no page around it. Used to check the renderer against the CommonMark spec's examples.
extension ChapterRenderer {
    /// How ``renderMarkdown(_:headings:file:)`` renders headings.
    enum StandaloneHeadings: Sendable {
        /// `# x` is `<h1>x</h1>`, without an `id` (as CommonMark renders it).
        case asWritten
        /// As on a page: moved down so the highest is `<h2>`, with `id` slugs.
        case underPageTitle
    }

    /// `markdown` rendered by the chapter renderer (maths, tables, callouts, footnotes, escaped
    /// raw HTML), with fenced directives and inline values left as ordinary code. Errors name
    /// `file` and the line.
    static func renderMarkdown(
        _ markdown: String, headings: StandaloneHeadings = .asWritten,
        file: String = "fragment.md"
    ) throws(WorkbookError) -> String {
        var renderer = ChapterRenderer(
            chapter: ChapterFile(displayPath: file, markdown: markdown), registry: ExperimentRegistry([]),
            repositoryRoot: URL(fileURLWithPath: "/"), overrides: [])
        renderer.directivesEnabled = false
        renderer.headingIDs = headings == .underPageTitle
        let document = try renderer.parse(renderer.chapter.body, firstLine: 1)
        if headings == .underPageTitle { renderer.headingShift = headingShift(for: document) }
        var html = try renderer.renderBlocks(document.children, collectTOC: false)
        html += try renderer.renderFootnotes()
        return html
    }
}
