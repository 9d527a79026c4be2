import Foundation
import WeightInit

/// Seeded, reproducible mutations of chapter text for the fuzz tests: byte flips, line
/// deletions and duplications, truncation, stray fences, `$`, unbalanced brackets, random
/// directive keys, absurd numbers, unicode, NUL bytes and carriage returns.
///
/// Every random choice comes from a Philox ``RandomStream``, so a failing case is replayed
/// from its seed and case index alone.
struct ChapterMutator {
    /// The generator; advance it only through this type so cases stay reproducible.
    var random: RandomStream

    /// One kind of mutation (the names appear in failure reports).
    enum Mutation: String, CaseIterable, Sendable {
        case flipByte, deleteLine, duplicateLine, swapLines, truncate, insertFence, insertDollar,
            unbalanceBracket, directiveKey, hugeNumber, unicode, nulByte, carriageReturn, spliceLine,
            deepNesting, longLine
    }

    /// Keys a directive block might (or might not) accept.
    static let keys = [
        "id", "table", "plot", "histograms", "bars", "caption", "hide", "depth", "widht", "width", "init",
        "samples", "lr", "seed", "activation", "file", "symbol", "lines", "text", "check", "variance",
        "title", "order", "time", "objectives", "summary", "--- hint", "--- solution", "épaisseur", "x y", "",
    ]

    /// Values that are absurd for almost every field.
    static let absurdValues = [
        "NaN", "nan", "inf", "-inf", "1e308", "1e309", "-1e309", "1e-400", "-0", "0", "-1",
        "99999999999999999999999", "9223372036854775807", "-9223372036854775808", "2147483648",
        "100000", "1e9", "0x10", "1_000", "½", "١٢", "[]", "[", "]", "()", "(", ")", "[[]]",
        "normal(std=", "normal(std=0.01))", "[normal(std=0.01), ]", "a.b.c", "=", "@max", "|",
    ]

    /// Text fragments inserted at random places.
    static let fragments = [
        "$", "$$", "\\$", "`", "``", "```", "[", "]", "(", ")", "{", "}", "\\frac{", "\\sqrt", "^", "_",
        "*", "**", "<script>", "&amp;", "\u{0}", "\r", "\r\n", "\t", "\u{E000}0\u{E001}", "\u{E000}",
        "\u{E001}", "\u{FEFF}", "\u{200D}", "\u{202E}", "\u{0301}", "\u{1F600}", "👨‍👩‍👧", "Ω", "\u{FFFD}",
        "\u{2028}", "=", "`=a.layers.std@max`", "`=", "|", "@", "---", "> ", "- ", "1. ", "    ",
    ]

    /// Applies one to `maximum` random mutations to `bytes`; returns the result and the mutations' names.
    mutating func mutate(_ bytes: [UInt8], corpus: [[UInt8]], maximum: Int = 4) -> (bytes: [UInt8], applied: [String]) {
        var bytes = bytes
        var applied: [String] = []
        for _ in 0..<Int.random(in: 1...maximum, using: &random) {
            let mutation = Mutation.allCases.randomElement(using: &random) ?? .flipByte
            bytes = apply(mutation, to: bytes, corpus: corpus)
            applied.append(mutation.rawValue)
        }
        return (bytes, applied)
    }

    private mutating func index(_ count: Int) -> Int {
        count <= 0 ? 0 : Int.random(in: 0..<count, using: &random)
    }

    private mutating func pick(_ strings: [String]) -> String {
        strings.randomElement(using: &random) ?? ""
    }

    private func lines(_ bytes: [UInt8]) -> [[UInt8]] {
        bytes.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map(Array.init)
    }

    private func joined(_ lines: [[UInt8]]) -> [UInt8] {
        Array(lines.joined(separator: [UInt8(ascii: "\n")]))
    }

    private mutating func insert(_ text: String, into bytes: [UInt8]) -> [UInt8] {
        var bytes = bytes
        bytes.insert(contentsOf: Array(text.utf8), at: index(bytes.count + 1))
        return bytes
    }

    private mutating func apply(_ mutation: Mutation, to bytes: [UInt8], corpus: [[UInt8]]) -> [UInt8] {
        var bytes = bytes
        var split = lines(bytes)
        switch mutation {
        case .flipByte:
            guard !bytes.isEmpty else { return [UInt8.random(in: 0...255, using: &random)] }
            bytes[index(bytes.count)] ^= UInt8(1) << UInt8(index(8))
            return bytes
        case .deleteLine:
            guard !split.isEmpty else { return bytes }
            split.remove(at: index(split.count))
            return joined(split)
        case .duplicateLine:
            guard !split.isEmpty else { return bytes }
            let at = index(split.count)
            split.insert(split[at], at: at)
            return joined(split)
        case .swapLines:
            guard split.count > 1 else { return bytes }
            split.swapAt(index(split.count), index(split.count))
            return joined(split)
        case .truncate:
            return Array(bytes.prefix(index(bytes.count + 1)))
        case .insertFence:
            let fence = pick([
                "```", "````", "~~~", "```experiment fake-stats", "```experiment forward-stats", "```experiment",
                "```experiment a b", "```claim", "```source", "```exercise", "```swift", "``` experiment nope",
            ])
            split.insert(Array(fence.utf8), at: index(split.count + 1))
            return joined(split)
        case .insertDollar:
            return insert(pick(["$", "$$", "\\$", "$x$", "$\\foo$", "$$\n", "$\\frac{1}{$", "$x^{2$"]), into: bytes)
        case .unbalanceBracket:
            // Delete or duplicate one bracket or parenthesis, or add a stray one.
            let positions = bytes.indices.filter {
                [UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]")].contains(bytes[$0])
            }
            if let position = positions.randomElement(using: &random) {
                if Bool.random(using: &random) {
                    bytes.remove(at: position)
                } else {
                    bytes.insert(bytes[position], at: position)
                }
                return bytes
            }
            return insert(pick(["(", ")", "[", "]"]), into: bytes)
        case .directiveKey:
            // A `key: value` line inside a random fenced block (or anywhere if there is none).
            let fences = split.indices.filter { split[$0].starts(with: Array("```".utf8)) }
            let at = fences.isEmpty ? index(split.count + 1) : (fences.randomElement(using: &random) ?? 0) + 1
            let line =
                "\(pick(Self.keys)): \(Bool.random(using: &random) ? pick(Self.absurdValues) : pick(Self.fragments))"
            split.insert(Array(line.utf8), at: min(at, split.count))
            return joined(split)
        case .hugeNumber:
            // Replace one run of digits (with its sign, point and exponent) by an absurd value.
            let isNumeric: (UInt8) -> Bool = {
                ($0 >= 48 && $0 <= 57) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "-")
            }
            let starts = bytes.indices.filter {
                (bytes[$0] >= 48 && bytes[$0] <= 57) && ($0 == 0 || !isNumeric(bytes[$0 - 1]))
            }
            guard let start = starts.randomElement(using: &random) else {
                return insert(pick(Self.absurdValues), into: bytes)
            }
            var end = start
            while end < bytes.count && isNumeric(bytes[end]) { end += 1 }
            bytes.replaceSubrange(start..<end, with: Array(pick(Self.absurdValues).utf8))
            return bytes
        case .unicode:
            var text = String(decoding: bytes, as: UTF8.self)
            let scalars = [
                0x301, 0x200D, 0x202E, 0xFEFF, 0x1F600, 0x10FFFF, 0xE000, 0xE001, 0x2028, 0x85, 0x3A9, 0x0627, 0xFFFD,
            ]
            let scalar = Unicode.Scalar(UInt32(scalars[index(scalars.count)])) ?? "?"
            var characters = Array(text)
            characters.insert(Character(scalar), at: index(characters.count + 1))
            text = String(characters)
            return Array(text.utf8)
        case .nulByte:
            bytes.insert(0, at: index(bytes.count + 1))
            return bytes
        case .carriageReturn:
            if Bool.random(using: &random) {
                // Windows line endings for the whole file.
                return Array(String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: "\n", with: "\r\n").utf8)
            }
            bytes.insert(UInt8(ascii: "\r"), at: index(bytes.count + 1))
            return bytes
        case .spliceLine:
            guard let other = corpus.randomElement(using: &random) else { return bytes }
            let otherLines = lines(other)
            guard !otherLines.isEmpty else { return bytes }
            let start = index(otherLines.count)
            let slice = otherLines[start..<min(otherLines.count, start + 1 + index(12))]
            split.insert(contentsOf: slice, at: index(split.count + 1))
            return joined(split)
        case .deepNesting:
            let unit = pick(["> ", "- ", "* ", "1. ", "[", "(", "{", "*", "\\sqrt{", "\\frac{", "sqrt("])
            let depth = 1 + index(3000)
            return insert(String(repeating: unit, count: depth), into: bytes)
        case .longLine:
            return insert(
                String(repeating: pick(["a", "$x$ ", "`=a.b.c` ", "(", "\\,"]), count: 1 + index(20_000)), into: bytes)
        }
    }
}
