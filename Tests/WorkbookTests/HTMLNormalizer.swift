/// A Swift port of the CommonMark spec's `test/normalize.py` (commonmark-spec 0.30), which the
/// spec's test runner applies to both the expected and the actual HTML before comparing them:
///
/// - runs of white space collapse to one space, except inside `<pre>`;
/// - white space around block-level tags is removed;
/// - tag and attribute names are lower-cased, attributes sorted, values re-escaped;
/// - self-closing tags (`<br />`) become open tags (`<br>`);
/// - character references become characters, except `<`, `>`, `&` and `"`.
///
/// Like the Python version (whose `href` branch never fires: it tests the value, not the
/// name), URLs are not re-encoded, so `href` percent-encoding must match exactly. References
/// are decoded when they are numeric or one of `amp lt gt quot apos nbsp copy`; others are kept
/// as written (neither renderer emits them outside the spec's raw HTML).
enum HTMLNormalizer {
    /// `normalize.py`'s block-level tags.
    static let blockTags: Set<String> = [
        "article", "header", "aside", "hgroup", "blockquote", "hr", "iframe", "body", "li", "map", "button", "object",
        "canvas",
        "ol", "caption", "output", "col", "p", "colgroup", "pre", "dd", "progress", "div", "section", "dl", "table",
        "td", "dt",
        "tbody", "embed", "textarea", "fieldset", "tfoot", "figcaption", "th", "figure", "thead", "footer", "tr",
        "form", "ul",
        "h1", "h2", "h3", "h4", "h5", "h6", "video", "script", "style",
    ]

    private enum Last { case starttag, endtag, data, ref, other }

    private struct State {
        var output = ""
        var last = Last.starttag
        var lastTag = ""
        var inPre = false
    }

    /// The normalised form of `html`.
    static func normalize(_ html: String) -> String {
        var state = State()
        let characters = Array(html)
        var i = 0
        // normalize.py's chunks: CDATA, a tag-like "<...>", or a run of text; a "<" without a
        // later ">" matches none of them and is skipped.
        while i < characters.count {
            if characters[i] == "<" {
                if characters[i...].starts(with: "<![CDATA["), let end = find("]]>", in: characters, from: i) {
                    state.output += String(characters[i..<end])
                    i = end
                } else if let close = characters[i...].firstIndex(of: ">") {
                    tagChunk(String(characters[i...close]), &state)
                    i = close + 1
                } else {
                    i += 1
                }
            } else {
                let end = characters[i...].firstIndex(of: "<") ?? characters.count
                dataChunk(characters[i..<end], &state)
                i = end
            }
        }
        return state.output
    }

    private static func find(_ needle: String, in characters: [Character], from start: Int) -> Int? {
        let target = Array(needle)
        var j = start
        while j + target.count <= characters.count {
            if Array(characters[j..<(j + target.count)]) == target { return j + target.count }
            j += 1
        }
        return nil
    }

    private static func tagChunk(_ chunk: String, _ state: inout State) {
        if chunk.hasPrefix("<!--") && chunk.hasSuffix("-->") && chunk.count >= 7 {
            state.output += chunk
            state.last = .other
            return
        }
        if chunk.hasPrefix("<!") || chunk.hasPrefix("<?") {
            state.output += chunk
            state.last = .other
            return
        }
        let body = chunk.dropFirst().dropLast()
        if body.hasPrefix("/") {
            let name = body.dropFirst().prefix { $0.isLetter || $0.isNumber }.lowercased()
            guard !name.isEmpty, body.dropFirst().first?.isLetter == true else {
                return dataChunk(Array(chunk)[...], &state)
            }
            if name == "pre" {
                state.inPre = false
            } else if blockTags.contains(name) {
                trimTrailingWhitespace(&state.output)
            }
            state.output += "</\(name)>"
            state.lastTag = name
            state.last = .endtag
            return
        }
        guard body.first?.isLetter == true else { return dataChunk(Array(chunk)[...], &state) }
        let name = body.prefix { !$0.isWhitespace && $0 != "/" }.lowercased()
        var rest = body.dropFirst(name.count)
        let selfClosing = rest.hasSuffix("/")
        if selfClosing { rest = rest.dropLast() }
        let attributes = parseAttributes(rest).sorted { ($0.name, $0.value ?? "") < ($1.name, $1.value ?? "") }
        if name == "pre" { state.inPre = true }
        if blockTags.contains(name) { trimTrailingWhitespace(&state.output) }
        state.output += "<" + name
        for attribute in attributes {
            state.output += " " + attribute.name
            if let value = attribute.value { state.output += "=\"" + escape(value) + "\"" }
        }
        state.output += ">"
        state.lastTag = name
        state.last = selfClosing ? .endtag : .starttag
    }

    /// `name="value"`, `name='value'`, `name=value` and bare `name` attributes, values unescaped.
    private static func parseAttributes(_ text: Substring) -> [(name: String, value: String?)] {
        var result: [(name: String, value: String?)] = []
        var rest = text[...]
        while true {
            rest = rest.drop { $0.isWhitespace || $0 == "/" }
            guard !rest.isEmpty else { return result }
            let name = rest.prefix { !$0.isWhitespace && $0 != "=" && $0 != "/" }
            rest = rest.dropFirst(name.count).drop { $0.isWhitespace }
            guard rest.first == "=" else {
                result.append((name.lowercased(), nil))
                continue
            }
            rest = rest.dropFirst().drop { $0.isWhitespace }
            let value: Substring
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let inner = rest.dropFirst()
                value = inner.prefix { $0 != quote }
                rest = inner.dropFirst(value.count).dropFirst()
            } else {
                value = rest.prefix { !$0.isWhitespace }
                rest = rest.dropFirst(value.count)
            }
            result.append((name.lowercased(), decodeReferences(String(value))))
        }
    }

    private static func dataChunk(_ characters: ArraySlice<Character>, _ state: inout State) {
        var text = ""
        var i = characters.startIndex
        while i < characters.endIndex {
            if characters[i] == "&", let (decoded, end) = reference(characters, at: i) {
                if !text.isEmpty {
                    handleData(text, &state)
                    text = ""
                }
                switch decoded {
                case "<": state.output += "&lt;"
                case ">": state.output += "&gt;"
                case "&": state.output += "&amp;"
                case "\"": state.output += "&quot;"
                default: state.output += decoded
                }
                state.last = .ref
                i = end
            } else {
                text.append(characters[i])
                i += 1
            }
        }
        if !text.isEmpty { handleData(text, &state) }
    }

    private static func handleData(_ input: String, _ state: inout State) {
        var data = input
        let afterTag = state.last == .endtag || state.last == .starttag
        let afterBlockTag = afterTag && blockTags.contains(state.lastTag)
        if afterTag && state.lastTag == "br" { data = String(data.drop { $0 == "\n" }) }
        if !state.inPre { data = collapseWhitespace(data) }
        if afterBlockTag && !state.inPre {
            if state.last == .starttag {
                data = String(data.drop { $0.isWhitespace })
            } else if state.last == .endtag {
                data = String(data.drop { $0.isWhitespace })
                trimTrailingWhitespace(&data)
            }
        }
        state.output += data
        state.last = .data
    }

    private static func collapseWhitespace(_ text: String) -> String {
        var result = ""
        var inSpace = false
        for c in text {
            if c.isWhitespace {
                if !inSpace { result.append(" ") }
                inSpace = true
            } else {
                result.append(c)
                inSpace = false
            }
        }
        return result
    }

    private static func trimTrailingWhitespace(_ text: inout String) {
        while let last = text.last, last.isWhitespace { text.removeLast() }
    }

    private static func escape(_ value: String) -> String {
        var result = ""
        for c in value {
            switch c {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            default: result.append(c)
            }
        }
        return result
    }

    private static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{A0}", "copy": "©",
    ]

    /// A character reference at `start` (`&name;`, `&#123;`, `&#x7B;`): its text and the index after it.
    private static func reference(_ characters: ArraySlice<Character>, at start: Int) -> (String, Int)? {
        guard let semicolon = characters[start...].prefix(40).firstIndex(of: ";") else { return nil }
        let name = String(characters[(start + 1)..<semicolon])
        if name.hasPrefix("#x") || name.hasPrefix("#X"), let value = UInt32(name.dropFirst(2), radix: 16),
            !name.dropFirst(2).isEmpty
        {
            return (Unicode.Scalar(value).map { String(Character($0)) } ?? "\u{FFFD}", semicolon + 1)
        }
        if name.hasPrefix("#"), name.count > 1, name.dropFirst().allSatisfy(\.isASCII),
            let value = UInt32(name.dropFirst())
        {
            return (Unicode.Scalar(value).map { String(Character($0)) } ?? "\u{FFFD}", semicolon + 1)
        }
        if let text = named[name] { return (text, semicolon + 1) }
        return nil
    }

    /// `value` with its character references decoded (attribute values).
    private static func decodeReferences(_ value: String) -> String {
        let characters = Array(value)
        var result = ""
        var i = 0
        while i < characters.count {
            if characters[i] == "&", let (decoded, end) = reference(characters[...], at: i) {
                result += decoded
                i = end
            } else {
                result.append(characters[i])
                i += 1
            }
        }
        return result
    }
}
