/// One display of an experiment block or cell, in the order written: its kind and the line of
/// its option.
struct DisplayItem: Sendable {
    /// Every kind of display, by key: the registry a new display type is added to.
    static let kinds: [any Display.Type] = [
        TableDisplay.self,
        LineChartDisplay.self,
        HistogramsDisplay.self,
        BarsDisplay.self,
    ]

    /// The keys of every display kind (`table`, `plot`, …).
    static var displayKeys: [String] { kinds.map { $0.key } }

    /// The keys an experiment block reserves (displays plus `caption`, `hide`, `id`); every other
    /// key is a parameter.
    static var keys: [String] { displayKeys + ["caption", "hide", "id"] }

    /// The display.
    var display: any Display
    /// The line of the option that asked for it.
    var line: Int

    /// Parses `KEY: SPEC [| CAPTION]`: the display and its own caption (Markdown), if one follows ` | `;
    /// nil when `key` names no display kind.
    static func parseWithCaption(
        key: String, value: String, line: Int, file: String
    )
        throws(WorkbookError) -> (DisplayItem, String?)?
    {
        guard let kind = kinds.first(where: { $0.key == key }) else { return nil }
        var spec = value
        var caption: String?
        if let bar = value[...].firstByteRange(of: " | ") {
            spec = value[..<bar.lowerBound].trimmingSpaces()
            let text = value[bar.upperBound...].trimmingSpaces()
            caption = text.isEmpty ? nil : text
        }
        let tokens = BlockFields.tokens(spec)
        guard let name = tokens.first else {
            throw WorkbookError(.display, file: file, line: line, "'\(key):' needs a name; write '\(kind.syntax)'")
        }
        do throws(DisplayError) {
            return (
                DisplayItem(display: try kind.init(name: name, options: Array(tokens.dropFirst())), line: line),
                caption
            )
        } catch {
            throw WorkbookError(.display, file: file, line: line, error.description)
        }
    }
}
