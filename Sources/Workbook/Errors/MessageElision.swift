extension WorkbookError {
    /// The longest quoted value an error message shows in full.
    static let maximumQuotedLength = 200

    /// `message` with every `'…'`-quoted span longer than ``maximumQuotedLength`` characters
    /// shortened to its start and end around a count of the characters left out, so an error
    /// about a 10 MB line or a formula nested 100 000 levels deep stays readable while still
    /// naming the bad value.
    static func elidingLongQuotes(_ message: String) -> String {
        let limit = maximumQuotedLength
        guard message.utf8.count > limit else { return message }
        var result = ""
        var rest = Substring(message)
        while let open = rest.firstIndex(of: "'") {
            result += rest[...open]
            let quoted = rest[rest.index(after: open)...]
            guard let close = quoted.firstIndex(of: "'") else {
                rest = quoted
                break
            }
            let span = quoted[..<close]
            let length = span.count
            if length > limit {
                let keep = limit / 2
                result += span.prefix(keep) + "…[\(length - 2 * keep) more characters]…" + span.suffix(keep)
            } else {
                result += span
            }
            result.append("'")
            rest = quoted[quoted.index(after: close)...]
        }
        return result + rest
    }
}
