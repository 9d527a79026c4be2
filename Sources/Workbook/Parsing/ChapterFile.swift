import Foundation

/// A chapter file read from disk: its names, front matter and Markdown body.
public struct ChapterFile: Sendable {
    /// The file on disk.
    public var url: URL
    /// The path shown in errors and commands (repository-relative, e.g. `Chapters/03-xavier.md`).
    public var displayPath: String
    /// The file name without `.md` (e.g. `03-xavier`); the page is `NAME.html`.
    public var name: String
    /// The parsed front matter.
    public var frontMatter: FrontMatter
    /// The Markdown after the front matter.
    public var body: String
    /// The whole file, line endings normalised to LF.
    public var text: String
    /// Lines occupied by the front matter: body line 1 is file line `lineOffset + 1`.
    public var lineOffset: Int

    /// The page file name, `NAME.html`.
    public var pageName: String { name + ".html" }

    /// Reads and splits `url`; `displayPath` is used in every error message.
    public init(url: URL, displayPath: String) throws(WorkbookError) {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw WorkbookError(
                .io, file: displayPath, line: nil, "cannot read the chapter as UTF-8: \(error.localizedDescription)")
        }
        try self.init(url: url, displayPath: displayPath, text: text)
    }

    /// Splits chapter `text` that was read from `url`.
    public init(url: URL, displayPath: String, text: String) throws(WorkbookError) {
        self.url = url
        self.displayPath = displayPath
        let fileName = url.lastPathComponent
        self.name = fileName.hasSuffix(".md") ? String(fileName.dropLast(3)) : fileName
        self.text = Self.normalizingLineEndings(text)
        let (frontMatter, body, offset) = try FrontMatter.split(self.text, file: displayPath, fileName: fileName)
        self.frontMatter = frontMatter
        self.body = body
        self.lineOffset = offset
    }

    /// A chapter made of bare Markdown without front matter (for rendering a fragment on its
    /// own); `displayPath` names it in errors.
    init(displayPath: String, markdown: String) {
        self.url = URL(fileURLWithPath: displayPath)
        self.displayPath = displayPath
        self.name = url.deletingPathExtension().lastPathComponent
        self.frontMatter = FrontMatter(title: "", order: 0, time: "", objectives: [])
        self.body = Self.normalizingLineEndings(markdown)
        self.text = self.body
        self.lineOffset = 0
    }

    /// `text` with CRLF and lone CR line endings turned into LF. Swift reads CRLF as one
    /// `Character` (so splitting at `"\n"` would miss it) and cmark counts a lone CR as a line
    /// end; after this every part of the pipeline counts lines as an editor does.
    static func normalizingLineEndings(_ text: String) -> String {
        guard text.unicodeScalars.contains("\r") else { return text }
        var scalars = String.UnicodeScalarView()
        var afterCarriageReturn = false
        for scalar in text.unicodeScalars {
            defer { afterCarriageReturn = scalar == "\r" }
            if scalar == "\n" && afterCarriageReturn { continue }
            scalars.append(scalar == "\r" ? "\n" : scalar)
        }
        return String(scalars)
    }
}
