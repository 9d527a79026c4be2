/// Markdown pipe tables as accessible HTML tables in the site's horizontal-scroll wrapper.
extension ChapterRenderer {
    /// `<table>` with `<th scope="col">` headers; alignment comes from the delimiter row's colons.
    mutating func renderTable(_ table: MarkdownTable) throws(WorkbookError) -> String {
        func alignment(_ column: Int) -> String {
            switch column < table.alignments.count ? table.alignments[column] : .none {
            case .none: return ""
            case .left: return " class=\"align-left\""
            case .center: return " class=\"align-center\""
            case .right: return " class=\"align-right\""
            }
        }
        var html = "<div class=\"table-scroll\">\n<table class=\"markdown-table\">\n<thead>\n<tr>"
        for (column, cell) in table.header.enumerated() {
            html += "<th scope=\"col\"\(alignment(column))>\(try renderInlines(cell))</th>"
        }
        html += "</tr>\n</thead>\n"
        if !table.rows.isEmpty {
            html += "<tbody>\n"
            for row in table.rows {
                html += "<tr>"
                for (column, cell) in row.enumerated() {
                    html += "<td\(alignment(column))>\(try renderInlines(cell))</td>"
                }
                html += "</tr>\n"
            }
            html += "</tbody>\n"
        }
        return html + "</table>\n</div>\n"
    }
}
