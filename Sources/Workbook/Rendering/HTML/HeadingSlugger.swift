/// Turns heading text into unique `id` slugs (`Why variance?` → `why-variance`, then `why-variance-2`).
struct HeadingSlugger {
    private var used: Set<String>

    /// A slugger that will never produce any of `reserved`.
    init(reserved: Set<String> = []) {
        used = reserved
    }

    /// A new unique slug for `text`.
    mutating func slug(for text: String) -> String {
        var base = ""
        var pendingDash = false
        for character in text.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                if pendingDash && !base.isEmpty { base.append("-") }
                pendingDash = false
                base.append(character)
            } else if character == " " || character == "-" || character == "_" || character == "/" || character == "." {
                pendingDash = true
            }
        }
        if base.isEmpty { base = "section" }
        if base.first?.isNumber == true { base = "s-" + base }
        var candidate = base
        var counter = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(counter)"
            counter += 1
        }
        used.insert(candidate)
        return candidate
    }
}
