import Experiments

/// A result table as an accessible HTML table.
enum TableHTML {
    /// `<table>` with `<caption>` (already HTML), `<th scope="col">` headers and numeric cells right-aligned.
    static func render(_ table: ResultTable, columns: [Int], rows: [Int], caption: String) -> String {
        var html = "<table>\n<caption>\(caption)</caption>\n<thead>\n<tr>"
        for column in columns {
            html += "<th scope=\"col\">\(HTMLEscaping.text(table.columns[column]))</th>"
        }
        html += "</tr>\n</thead>\n<tbody>\n"
        for row in rows {
            html += "<tr>"
            for column in columns {
                let cell = column < table.rows[row].count ? table.rows[row][column] : .missing
                switch cell {
                case .number, .integer: html += "<td class=\"num\">\(HTMLEscaping.text(cell.plainText))</td>"
                case .text(let text): html += "<td>\(HTMLEscaping.text(text))</td>"
                case .missing: html += "<td class=\"missing\">n/a</td>"
                }
            }
            html += "</tr>\n"
        }
        return html + "</tbody>\n</table>\n"
    }
}
