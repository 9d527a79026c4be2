import Experiments
import WeightInit

/// CommonMark nodes to HTML; code blocks with directive info strings are handed to the directive renderers.
extension ChapterRenderer {
    /// Renders block nodes.
    mutating func renderBlocks(
        _ nodes: [MarkdownNode], collectTOC: Bool, tight: Bool = false
    ) throws(WorkbookError) -> String {
        var html = ""
        for node in nodes {
            html += try renderBlock(node, collectTOC: collectTOC, tight: tight)
        }
        return html
    }

    private mutating func renderBlock(
        _ node: MarkdownNode, collectTOC: Bool, tight: Bool
    ) throws(WorkbookError) -> String {
        switch node {
        case .document(let children):
            return try renderBlocks(children, collectTOC: collectTOC)
        case .paragraph(let children, let line):
            currentLine = line
            if children.count == 1, case .math(let formula) = children[0], formula.display {
                return formula.mathML + "\n"
            }
            let inner = try renderInlines(children)
            return tight ? inner + "\n" : "<p>\(inner)</p>\n"
        case .heading(let level, let children, _):
            let shown = min(6, level + headingShift)
            guard headingIDs else { return "<h\(shown)>\(try renderInlines(children))</h\(shown)>\n" }
            let text = children.map(\.plainText).joined()
            let id = slugger.slug(for: text)
            if collectTOC && shown <= 3 { toc.append(.init(level: shown, text: text, id: id)) }
            return "<h\(shown) id=\"\(id)\">\(try renderInlines(children))</h\(shown)>\n"
        case .blockQuote(let children):
            return "<blockquote>\n\(try renderBlocks(children, collectTOC: collectTOC))</blockquote>\n"
        case .list(let ordered, let start, let isTight, let items):
            let tag = ordered ? "ol" : "ul"
            let startAttribute = ordered && start != 1 ? " start=\"\(start)\"" : ""
            var html = "<\(tag)\(startAttribute)>\n"
            for item in items {
                html += "<li>" + (try renderBlocks(item.children, collectTOC: collectTOC, tight: isTight)) + "</li>\n"
            }
            return html + "</\(tag)>\n"
        case .item(let children):
            return "<li>" + (try renderBlocks(children, collectTOC: collectTOC)) + "</li>\n"
        case .codeBlock(let info, let literal, let line):
            return try renderCodeBlock(info: info, literal: literal, line: line)
        case .htmlBlock(let raw, _):
            // Raw HTML is never passed through: it is shown as text, without its comments.
            let shown = HTMLComment.removingComments(from: raw).trimmingSpaces()
            return shown.isEmpty ? "" : "<p class=\"raw-html\">\(HTMLEscaping.text(shown))</p>\n"
        case .thematicBreak:
            return "<hr>\n"
        case .table(let table):
            return try renderTable(table)
        case .callout(let kind, let children, _):
            return "<aside class=\"callout callout-\(kind.rawValue)\">\n<p class=\"callout-title\">\(kind.title)</p>\n"
                + (try renderBlocks(children, collectTOC: collectTOC)) + "</aside>\n"
        case .footnoteDefinition:
            // Rendered at the end of the page by renderFootnotes().
            return ""
        default:
            return "<p>\(try renderInlines([node]))</p>\n"
        }
    }

    private mutating func renderCodeBlock(info: String, literal: String, line: Int) throws(WorkbookError) -> String {
        guard directivesEnabled else { return Self.plainCodeBlock(info: info, literal: literal) }
        // Cells of the chapter body ran; a swift block inside a directive (an exercise) is shown as code.
        if SwiftCell.isCell(info: info), cellOutcomes[line] != nil { return try renderCell(line: line) }
        guard let directive = Directive.byName[ChapterRenderer.directive(info)] else {
            return Self.plainCodeBlock(info: info, literal: literal)
        }
        return try directive.render(&self, info, literal, line)
    }

    /// A code block that is only shown; the info string's first word (up to white space, as cmark
    /// splits it) gives the `language-…` class.
    static func plainCodeBlock(info: String, literal: String) -> String {
        let language = info.prefix { !" \t\n\r\u{0B}\u{0C}".contains($0) }
        let attribute = language.isEmpty ? "" : " class=\"language-\(HTMLEscaping.attribute(String(language)))\""
        return "<pre><code\(attribute)>\(HTMLEscaping.text(literal))</code></pre>\n"
    }

    /// Renders inline nodes.
    mutating func renderInlines(_ nodes: [MarkdownNode]) throws(WorkbookError) -> String {
        var html = ""
        for node in nodes {
            switch node {
            case .text(let text): html += HTMLEscaping.text(text)
            case .math(let formula): html += formula.mathML
            case .softBreak: html += "\n"
            case .lineBreak: html += "<br>\n"
            case .footnoteReference(let label, let line):
                html += try renderFootnoteReference(label, line: line)
            case .code(let literal, let line):
                if directivesEnabled && literal.hasPrefix("=") {
                    let reference = try ValueReference.parse(literal, file: file, line: line)
                    do throws(WorkbookError) {
                        let value = try resolver.value(reference, line: line)
                        html +=
                            "<span class=\"computed\" "
                            + "title=\"\(HTMLEscaping.attribute("Computed at build: " + reference.text))\">"
                            + "\(HTMLEscaping.text(value.display))</span>"
                    } catch  where lenient {
                        html +=
                            "<span class=\"computed missing-value\" "
                            + "title=\"\(HTMLEscaping.attribute("No value under these parameters: " + error.message))\">"
                            + "[no value under these parameters]</span>"
                    }
                } else {
                    html += "<code>\(HTMLEscaping.text(literal))</code>"
                }
            case .htmlInline(let raw): html += HTMLComment.isComment(raw) ? "" : HTMLEscaping.text(raw)
            case .emphasis(let children): html += "<em>\(try renderInlines(children))</em>"
            case .strong(let children): html += "<strong>\(try renderInlines(children))</strong>"
            case .link(let url, let title, let children) where url.hasPrefix("#ch:"):
                html += try crossReference(url, title: title, children: children)
            case .link(let url, let title, let children):
                let inner = try renderInlines(children)
                if let safe = HTMLEscaping.safeURL(url) {
                    let titleAttribute = title.isEmpty ? "" : " title=\"\(HTMLEscaping.attribute(title))\""
                    html += "<a href=\"\(HTMLEscaping.href(safe))\"\(titleAttribute)>\(inner)</a>"
                } else {
                    html += inner
                }
            case .image(let url, let title, let children):
                let alt = children.map(\.plainText).joined()
                // Only local images: nothing on the page is fetched from the network.
                if let safe = HTMLEscaping.safeURL(url), !safe.contains(":") {
                    let titleAttribute = title.isEmpty ? "" : " title=\"\(HTMLEscaping.attribute(title))\""
                    html +=
                        "<img src=\"\(HTMLEscaping.href(safe))\" "
                        + "alt=\"\(HTMLEscaping.attribute(alt))\"\(titleAttribute)>"
                } else if let safe = HTMLEscaping.safeURL(url) {
                    html += "<a href=\"\(HTMLEscaping.href(safe))\">\(HTMLEscaping.text(alt.isEmpty ? safe : alt))</a>"
                } else {
                    html += HTMLEscaping.text(alt)
                }
            default:
                html += try renderBlocks([node], collectTOC: false)
            }
        }
        return html
    }

    /// Renders a Markdown fragment from a directive (caption, claim text, exercise part).
    /// With `inline`, a single paragraph is returned without its `<p>`.
    mutating func renderFragment(_ markdown: String, firstLine: Int, inline: Bool) throws(WorkbookError) -> String {
        let document = try parse(markdown, firstLine: firstLine)
        if inline, document.children.count == 1, case .paragraph(let children, _) = document.children[0] {
            return try renderInlines(children)
        }
        return try renderBlocks(document.children, collectTOC: false)
    }
}
