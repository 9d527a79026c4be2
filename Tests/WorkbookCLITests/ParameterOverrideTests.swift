import Testing

/// `--set` of `workbook run` (name=value) and `workbook render` (id.key=value), through the real command.
@Suite("--set name=value")
struct ParameterOverrideTests {
    @Test(
        "run: a --set without '=' or without a name is refused, naming the text and the form",
        arguments: [
            ("depth", "there is no '='"),
            ("=3", "there is no name before '='"),
        ])
    func runRefuses(setting: String, problem: String) throws {
        let line = try Workbook.errorLine(["run", "forward-stats", "--set", setting])
        #expect(
            line == "Error: The value '\(setting)' is invalid for '--set <name=value>': \(problem); "
                + "expected name=value, e.g. depth=10")
    }

    @Test("run: names are trimmed and values kept whole (the first '=' splits), negative values included")
    func runAccepts() throws {
        let output = try Workbook.run([
            "run", "forward-stats", "--set", " depth =2", "--set", "width=8", "--set", "samples=20",
            "--set", "init=[normal(std=0.01), xavier-normal]", "--set", "activation=tanh", "--format", "json",
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("\"depth\""))
        #expect(output.stdout.contains("normal(std=0.01)"))
        let negative = try Workbook.run(["run", "forward-stats", "--set", "depth=-3"])
        #expect(negative.status != 0)
        #expect(negative.stderr.hasPrefix("Error: invalid value '-3' for parameter 'depth'"))
    }

    @Test(
        "render: a name that is not id.key is refused, naming it and the form",
        arguments: [
            ("depth=30", "'depth' is not of the form id.key"),
            (".depth=30", "'.depth' is not of the form id.key"),
            ("cs231n.=30", "'cs231n.' is not of the form id.key"),
            ("cs231n.depth", "there is no '='"),
        ])
    func renderRefuses(setting: String, problem: String) throws {
        let line = try Workbook.errorLine(["render", "Chapters/02-small-and-large-random.md", "--set", setting])
        #expect(
            line == "Error: The value '\(setting)' is invalid for '--set <id.key=value>': \(problem); "
                + "expected id.key=value (a block's id, a dot, its parameter), e.g. cs231n.depth=30")
    }
}
