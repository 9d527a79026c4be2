import Foundation
import WeightInit

/// A ```` ```source ```` block: a file under `Sources/` and either a `symbol:` or `lines: A-B`.
struct SourceSnippet: Sendable, Equatable {
    /// The repository-relative path (always under `Sources/`).
    var path: String
    /// The declaration to show (`predictedStandardDeviation` or `func predictedStandardDeviation`).
    var symbol: String?
    /// The line range to show when there is no symbol.
    var lines: ClosedRange<Int>?
    /// The fence line.
    var line: Int

    /// Extracted code with its location.
    struct Extract: Sendable, Equatable {
        /// The repository-relative path.
        var path: String
        /// First line shown (1-based).
        var firstLine: Int
        /// Last line shown.
        var lastLine: Int
        /// The code, common indentation removed.
        var code: String
    }

    /// Parses the block body; the path is validated here, the file read by ``extract(repositoryRoot:file:)``.
    static func parse(literal: String, line: Int, file: String) throws(WorkbookError) -> SourceSnippet {
        let fields = try BlockFields.parse(literal, firstLine: line + 1, file: file, kind: .source, block: "source")
        var path: BlockField?, symbol: String?, range: ClosedRange<Int>?
        for field in fields {
            switch field.key {
            case "file": path = field
            case "symbol": symbol = field.value
            case "lines":
                let parts = field.value.split(separator: "-").map { Int($0.trimmingSpaces()) }
                guard parts.count == 2, let low = parts[0], let high = parts[1], low >= 1, high >= low else {
                    throw WorkbookError(
                        .source, file: file, line: field.line,
                        "'lines:' takes a range like 10-30, found '\(field.value)'")
                }
                range = low...high
            default:
                throw WorkbookError(
                    .source, file: file, line: field.line,
                    "unknown source key '\(field.key)'; keys: file, symbol, lines")
            }
        }
        guard let path else {
            throw WorkbookError(
                .source, file: file, line: line, "the source block has no 'file:' (a path under Sources/)")
        }
        guard symbol != nil || range != nil else {
            throw WorkbookError(
                .source, file: file, line: line, "the source block needs 'symbol: NAME' or 'lines: A-B'")
        }
        let components = path.value.split(separator: "/", omittingEmptySubsequences: false)
        guard !path.value.hasPrefix("/"), !path.value.contains("\\"), components.first == "Sources",
            components.count >= 2,
            !components.contains(where: { $0 == ".." || $0 == "." || $0.isEmpty })
        else {
            throw WorkbookError(
                .source, file: file, line: path.line,
                "source path '\(path.value)' must be a relative path inside Sources/ (no '..', no absolute paths), "
                    + "e.g. Sources/WeightInit/Initializers/XavierInitializer.swift"
            )
        }
        return SourceSnippet(path: path.value, symbol: symbol, lines: range, line: path.line)
    }

    /// Reads the snippet from `repositoryRoot`, refusing files that resolve outside `Sources/`.
    func extract(repositoryRoot: URL, file: String) throws(WorkbookError) -> Extract {
        let sources = repositoryRoot.appendingPathComponent("Sources").standardizedFileURL.resolvingSymlinksInPath()
            .path
        let target = repositoryRoot.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath()
        guard target.path.hasPrefix(sources + "/") else {
            throw WorkbookError(
                .source, file: file, line: line,
                "source path '\(path)' resolves outside Sources/ (symbolic links out are not allowed)")
        }
        guard let text = try? String(contentsOf: target, encoding: .utf8) else {
            throw WorkbookError(.source, file: file, line: line, "cannot read '\(path)': no such file under Sources/")
        }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let range: ClosedRange<Int>
        if let symbol {
            guard let found = SymbolLocator.range(of: symbol, in: lines) else {
                throw WorkbookError(
                    .source, file: file, line: line,
                    "no declaration of '\(symbol)' in \(path); write e.g. 'symbol: func NAME', 'struct NAME' or use "
                        + "'lines: A-B'"
                )
            }
            range = found
        } else if let requested = lines.isEmpty ? nil : self.lines {
            guard requested.upperBound <= lines.count else {
                throw WorkbookError(
                    .source, file: file, line: line,
                    "lines \(requested.lowerBound)-\(requested.upperBound) are outside \(path), which has "
                        + "\(lines.count) lines"
                )
            }
            range = requested
        } else {
            throw WorkbookError(.source, file: file, line: line, "\(path) is empty")
        }
        let selected = Array(lines[(range.lowerBound - 1)...(range.upperBound - 1)])
        return Extract(
            path: path, firstLine: range.lowerBound, lastLine: range.upperBound, code: SymbolLocator.dedent(selected))
    }
}
