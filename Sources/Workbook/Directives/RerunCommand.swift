import Foundation

/// The shell commands printed under every figure and table to reproduce it.
enum RerunCommand {
    /// How a reader invokes the workbook from the package folder (`workbook` is not on the PATH).
    static let invocation = ["swift", "run", "-c", "release", "workbook"]

    /// `swift run -c release workbook run NAME --set k=v ...` with every non-default parameter, shell-quoted.
    static func run(experiment: String, nonDefault: [(name: String, value: String)]) -> String {
        (invocation + ["run", ShellQuoting.quote(experiment)]
            + nonDefault.flatMap { ["--set", ShellQuoting.quote("\($0.name)=\($0.value)")] })
            .joined(separator: " ")
    }

    /// `swift run -c release workbook render CHAPTER --set id.key=value ...`.
    static func render(chapter: String, overrides: [(key: String, value: String)]) -> String {
        (invocation + ["render", ShellQuoting.quote(chapter)]
            + overrides.flatMap { ["--set", ShellQuoting.quote("\($0.key)=\($0.value)")] })
            .joined(separator: " ")
    }
}
