import CCmark
import Foundation

/// The reference for the workbook's deliberate CommonMark deviations: libcmark's own HTML
/// renderer (`cmark_render_html`, the same library as Debian's `cmark`) run on cmark's tree
/// after exactly the documented changes have been made to the tree.
///
/// It is independent of the workbook's renderer: it shares only the parser.
enum CommonMarkOracle {
    /// A documented way in which the workbook renders differently from CommonMark.
    enum Deviation: String, CaseIterable, Sendable {
        /// Raw HTML is shown as text: an HTML block becomes `<p class="raw-html">` holding its
        /// text escaped (trimmed, comments removed), inline HTML becomes escaped text, and HTML
        /// comments (block or inline) are dropped.
        case rawHTML
        /// Links and images whose scheme is not http, https or mailto (and that are not relative)
        /// are not linked: a link becomes its text, an image its alt text. An image with an
        /// http(s) URL becomes a link to it (nothing on a page is fetched from the network).
        case linkScheme
        /// On a page, headings move down so the highest is `<h2>` under the page's `<h1>` title
        /// (and get `id` slugs).
        case headingLevels
    }

    /// cmark's HTML for `markdown` after applying `deviations`, and which of them changed the tree.
    static func render(
        _ markdown: String, applying deviations: Set<Deviation>
    ) -> (html: String, applied: Set<Deviation>) {
        let bytes = Array(markdown.utf8)
        let root: OpaquePointer? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                    cmark_parse_document($0, buffer.count, CMARK_OPT_DEFAULT)
                }
            } ?? cmark_parse_document("", 0, CMARK_OPT_DEFAULT)
        }
        guard let root else { return ("", []) }
        defer { cmark_node_free(root) }
        var nodes: [OpaquePointer] = []
        if let iterator = cmark_iter_new(root) {
            while true {
                let event = cmark_iter_next(iterator)
                if event == CMARK_EVENT_DONE { break }
                if event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) { nodes.append(node) }
            }
            cmark_iter_free(iterator)
        }
        var applied: Set<Deviation> = []
        let headingLevels = nodes.filter { cmark_node_get_type($0) == CMARK_NODE_HEADING }.map {
            Int(cmark_node_get_heading_level($0))
        }
        // Children before parents, so a freed node is never visited.
        for node in nodes.reversed() {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_HTML_BLOCK where deviations.contains(.rawHTML):
                applied.insert(.rawHTML)
                let shown = withoutComments(literal(node)).trimmingCharacters(in: .whitespacesAndNewlines)
                if !shown.isEmpty, let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) {
                    cmark_node_set_on_enter(block, "<p class=\"raw-html\">" + escape(shown) + "</p>")
                    cmark_node_insert_before(node, block)
                }
                remove(node)
            case CMARK_NODE_HTML_INLINE where deviations.contains(.rawHTML):
                applied.insert(.rawHTML)
                let raw = literal(node)
                if !raw.hasPrefix("<!--") { insertText(raw, before: node) }
                remove(node)
            case CMARK_NODE_LINK where deviations.contains(.linkScheme):
                guard !isAllowed(url(node)) else { continue }
                applied.insert(.linkScheme)
                while let child = cmark_node_first_child(node) {
                    cmark_node_unlink(child)
                    cmark_node_insert_before(node, child)
                }
                remove(node)
            case CMARK_NODE_IMAGE where deviations.contains(.linkScheme):
                let target = url(node)
                guard !(isAllowed(target) && !target.contains(":")) else { continue }
                applied.insert(.linkScheme)
                let alt = altText(node)
                if isAllowed(target), let link = cmark_node_new(CMARK_NODE_LINK) {
                    cmark_node_set_url(link, target)
                    if let text = cmark_node_new(CMARK_NODE_TEXT) {
                        cmark_node_set_literal(text, alt.isEmpty ? target : alt)
                        cmark_node_append_child(link, text)
                    }
                    cmark_node_insert_before(node, link)
                } else {
                    insertText(alt, before: node)
                }
                remove(node)
            case CMARK_NODE_HEADING where deviations.contains(.headingLevels):
                let shift = max(0, 2 - (headingLevels.min() ?? 2))
                if shift > 0 {
                    applied.insert(.headingLevels)
                    cmark_node_set_heading_level(node, Int32(min(6, Int(cmark_node_get_heading_level(node)) + shift)))
                }
            default:
                continue
            }
        }
        guard let rendered = cmark_render_html(root, CMARK_OPT_UNSAFE) else { return ("", applied) }
        defer { free(rendered) }
        return (String(cString: rendered), applied)
    }

    /// The site's link policy, written independently of `HTMLEscaping.safeURL`: relative URLs
    /// (no RFC 3986 scheme before the first colon) and the schemes http, https and mailto.
    static func isAllowed(_ url: String) -> Bool {
        let lower = url.trimmingCharacters(in: .whitespaces).lowercased()
        guard let colon = lower.firstIndex(of: ":") else { return true }
        let scheme = String(lower[..<colon])
        // RFC 3986: scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ); anything else is a relative path.
        let isScheme = scheme.range(of: "^[a-z][a-z0-9+.-]*$", options: .regularExpression) != nil
        return !isScheme || ["http", "https", "mailto"].contains(scheme)
    }

    private static func literal(_ node: OpaquePointer) -> String {
        cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
    }

    private static func url(_ node: OpaquePointer) -> String {
        cmark_node_get_url(node).map { String(cString: $0) } ?? ""
    }

    /// cmark's alt text: the literal text of the image's descendants, breaks as spaces.
    private static func altText(_ node: OpaquePointer) -> String {
        var text = ""
        guard let iterator = cmark_iter_new(node) else { return text }
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            switch cmark_node_get_type(child) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE, CMARK_NODE_HTML_INLINE: text += literal(child)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: text += " "
            default: break
            }
        }
        return text
    }

    private static func insertText(_ text: String, before node: OpaquePointer) {
        guard let textNode = cmark_node_new(CMARK_NODE_TEXT) else { return }
        cmark_node_set_literal(textNode, text)
        cmark_node_insert_before(node, textNode)
    }

    private static func remove(_ node: OpaquePointer) {
        cmark_node_unlink(node)
        cmark_node_free(node)
    }

    private static func withoutComments(_ raw: String) -> String {
        var result = ""
        var rest = raw[...]
        while let open = rest.range(of: "<!--") {
            result += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].range(of: "-->") else { return result }
            rest = rest[close.upperBound...]
        }
        return result + rest
    }

    private static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
