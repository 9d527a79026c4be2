import WeightInit

/// One thing an experiment block shows, in the order written.
enum DisplayItem: Sendable, Equatable {
    /// `table: NAME [columns=a,b] [where=col=value]...`
    case table(name: String, columns: [String]?, filters: [RowFilter], line: Int)
    /// `plot: GROUP [log-x] [log-y]`
    case plot(group: String, logX: Bool, logY: Bool, line: Int)
    /// `histograms: GROUP`
    case histograms(group: String, line: Int)
    /// `bars: TABLE x=COLUMN y=COLUMN [log-y]`
    case bars(table: String, x: String, y: String, logY: Bool, line: Int)

    /// The display keys of an experiment block (everything else is a parameter).
    static let keys = ["table", "plot", "histograms", "bars", "caption", "hide", "id"]

    /// Parses `KEY: SPEC [| CAPTION]`: the display and its own caption (Markdown), if one follows ` | `.
    static func parseWithCaption(key: String, value: String, line: Int, file: String) throws(WorkbookError) -> (DisplayItem, String?) {
        guard let bar = value.range(of: " | ") else { return (try parse(key: key, value: value, line: line, file: file), nil) }
        let caption = value[bar.upperBound...].trimmingSpaces()
        let item = try parse(key: key, value: value[..<bar.lowerBound].trimmingSpaces(), line: line, file: file)
        return (item, caption.isEmpty ? nil : caption)
    }

    /// Parses the value of display key `key` written on `line`.
    static func parse(key: String, value: String, line: Int, file: String) throws(WorkbookError) -> DisplayItem {
        let tokens = BlockFields.tokens(value)
        func fail(_ message: String) -> WorkbookError { WorkbookError(.display, file: file, line: line, message) }
        guard let name = tokens.first else { throw fail("'\(key):' needs a name") }
        let options = Array(tokens.dropFirst())
        switch key {
        case "table":
            var columns: [String]?
            var filters: [RowFilter] = []
            for option in options {
                if option.hasPrefix("columns=") {
                    columns = option.dropFirst(8).split(separator: ",").map { $0.trimmingSpaces() }
                } else if option.hasPrefix("where=") {
                    let condition = option.dropFirst(6)
                    guard let equals = condition.firstIndex(of: "=") else {
                        throw fail("'\(option)' should be where=COLUMN=VALUE")
                    }
                    filters.append(RowFilter(column: String(condition[..<equals]), value: String(condition[condition.index(after: equals)...])))
                } else {
                    throw fail("unknown table option '\(option)'; options: columns=a,b,c and where=column=value")
                }
            }
            return .table(name: name, columns: columns, filters: filters, line: line)
        case "plot":
            var logX = false, logY = false
            for option in options {
                switch option {
                case "log-x": logX = true
                case "log-y": logY = true
                default: throw fail("unknown plot option '\(option)'; options: log-x, log-y")
                }
            }
            return .plot(group: name, logX: logX, logY: logY, line: line)
        case "histograms":
            guard options.isEmpty else { throw fail("'histograms:' takes only a group name, found '\(value)'") }
            return .histograms(group: name, line: line)
        default:
            var x: String?, y: String?, logY = false
            for option in options {
                if option.hasPrefix("x=") { x = String(option.dropFirst(2)) }
                else if option.hasPrefix("y=") { y = String(option.dropFirst(2)) }
                else if option == "log-y" { logY = true }
                else { throw fail("unknown bars option '\(option)'; write 'bars: TABLE x=COLUMN y=COLUMN [log-y]'") }
            }
            guard let x, let y else { throw fail("'bars:' needs x=COLUMN and y=COLUMN, e.g. 'bars: summary x=init y=final_train_loss'") }
            return .bars(table: name, x: x, y: y, logY: logY, line: line)
        }
    }
}

/// A `column=value` condition selecting table rows.
struct RowFilter: Sendable, Equatable {
    /// The column name.
    var column: String
    /// The value as written (compared as a number, an initialiser spec or text).
    var value: String
}
