extension Substring {
    /// The first occurrence of `needle`, compared byte for byte in UTF-8, searched from the start of
    /// this substring only. (Foundation's `range(of:)` bridges the whole text on every call, which
    /// made scanning a page quadratic; the generic `firstRange(of:)` is linear but slow.)
    func firstByteRange(of needle: String) -> Range<String.Index>? {
        let pattern = Array(needle.utf8)
        guard let first = pattern.first else { return nil }
        let view = utf8
        var start = view.startIndex
        while let found = view[start...].firstIndex(of: first) {
            var cursor = found
            var matched = true
            for byte in pattern {
                guard cursor < view.endIndex, view[cursor] == byte else {
                    matched = false
                    break
                }
                cursor = view.index(after: cursor)
            }
            if matched { return found..<cursor }
            start = view.index(after: found)
        }
        return nil
    }
}
