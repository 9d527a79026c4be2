import Experiments
import Notebook
import WeightInit

/// A cell's parameter grid for the reader to explore: `//| explore: depth=[5, 10, 20] init=[xavier-normal,
/// kaiming-normal]`.
///
/// The build runs the chapter's program once per combination (up to the cell; cached like any run)
/// and the page gets a control per parameter (a slider for three or more numbers, else a menu)
/// that swaps the cell's figures, tables and its caption's inline values. Each axis names a
/// parameter the cell declares with `parameter(…)` and must list its published value, which is
/// what the page shows without JavaScript. At most ``maximumCombinations`` combinations.
struct ExploreGrid: Sendable, Equatable {
    /// One parameter and the values the reader may pick, in order.
    struct Axis: Sendable, Equatable {
        var name: String
        var values: [String]
    }

    /// The axes, in the order written.
    var axes: [Axis]
    /// The file line of the `//| explore:` option.
    var line: Int

    /// The largest grid a page may carry: each combination is one more program run and one more
    /// copy of the cell's figures in the page.
    static let maximumCombinations = 24

    /// Parses `name=[v1, v2] name=[…]` (values may contain parenthesised commas: `normal(std=0.1, mean=0)`).
    static func parse(_ text: String, line: Int, file: String) throws(WorkbookError) -> ExploreGrid {
        func fail(_ message: String) -> WorkbookError {
            WorkbookError(
                .cell, file: file, line: line,
                "'//| explore: \(text)': \(message); write e.g. 'explore: depth=[5, 10, 20] init=[xavier-normal, "
                    + "kaiming-normal]'"
            )
        }
        var axes: [Axis] = []
        // `NAME=[…]` fields, split at spaces outside brackets; `NAME= […]` is read as one field.
        var fields: [String] = []
        for token in BlockFields.tokens(text) {
            if let last = fields.last, last.hasSuffix("=") {
                fields[fields.count - 1] = last + token
            } else {
                fields.append(token)
            }
        }
        for field in fields {
            guard let equals = field.firstIndex(of: "=") else { throw fail("expected NAME=[VALUES] at '\(field)'") }
            let name = field[..<equals].trimmingSpaces()
            guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                throw fail("'\(name)' is not a parameter name")
            }
            let list = field[field.index(after: equals)...].trimmingSpaces()
            guard list.hasPrefix("["), list.hasSuffix("]") else {
                throw fail("the values of '\(name)' must be a bracketed list, e.g. \(name)=[1, 2, 3]")
            }
            let values: [String]
            do throws(ListSyntaxError) {
                values = try ListSyntax.items(list)
            } catch {
                throw fail("the values of '\(name)' are not a list: \(list)")
            }
            guard values.count >= 2 else { throw fail("'\(name)' needs at least two values to explore") }
            guard Set(values).count == values.count else { throw fail("'\(name)' lists a value twice") }
            guard !axes.contains(where: { $0.name == name }) else { throw fail("'\(name)' appears twice") }
            axes.append(Axis(name: name, values: values))
        }
        guard !axes.isEmpty else { throw fail("no parameters") }
        let grid = ExploreGrid(axes: axes, line: line)
        guard grid.combinationCount <= maximumCombinations else {
            throw fail("\(grid.combinationCount) combinations; a page explores at most \(maximumCombinations)")
        }
        return grid
    }

    /// The number of combinations (the product of the axes' sizes).
    var combinationCount: Int { axes.reduce(1) { $0 * $1.values.count } }

    /// Every combination, the last axis varying fastest; each maps parameter names to values.
    var combinations: [[String: String]] {
        var result: [[String: String]] = [[:]]
        for axis in axes {
            result = result.flatMap { partial in
                axis.values.map { value in partial.merging([axis.name: value]) { $1 } }
            }
        }
        return result
    }

    /// The key of `combination` in the page (`depth=5&init=xavier-normal`, axes in order), as the script builds it.
    func key(_ combination: [String: String]) -> String {
        axes.map { "\($0.name)=\(combination[$0.name] ?? "")" }.joined(separator: "&")
    }

    /// The published combination: for each axis, the listed value equal to the cell's value (numbers
    /// compare numerically, so `0.10` matches `0.1`). Errors name the axis, the value and the list.
    func published(_ parameters: [CellParameter], cell: String, file: String) throws(WorkbookError) -> [String: String]
    {
        var combination: [String: String] = [:]
        for axis in axes {
            guard let parameter = parameters.first(where: { $0.name == axis.name }) else {
                let declared = parameters.map(\.name)
                throw WorkbookError(
                    .cell, file: file, line: line,
                    "explore: cell '\(cell)' has no parameter '\(axis.name)'; parameters: "
                        + "\(declared.isEmpty ? "(none)" : declared.joined(separator: ", "))"
                )
            }
            guard let value = axis.values.first(where: { Self.same($0, parameter.value) }) else {
                throw WorkbookError(
                    .cell, file: file, line: line,
                    "explore: the values of '\(axis.name)' must include the published value \(parameter.value) (the "
                        + "page shows it without JavaScript); values: \(axis.values.joined(separator: ", "))"
                )
            }
            combination[axis.name] = value
        }
        return combination
    }

    /// Whether two parameter texts name the same value.
    static func same(_ a: String, _ b: String) -> Bool {
        if let x = Double(a), let y = Double(b) { return x == y }
        return a.trimmingSpaces() == b.trimmingSpaces()
    }

    /// Whether an axis is drawn as a slider: three or more values, all numbers.
    static func isSlider(_ axis: Axis) -> Bool {
        axis.values.count >= 3 && axis.values.allSatisfy { Double($0) != nil }
    }
}
