import Testing

/// The INIT argument of `workbook sample` (an ``InitializerSpec``), through the real command.
@Suite("INIT spec argument")
struct InitializerSpecArgumentTests {
    @Test(
        "malformed specs are refused at parse time, naming the text and the bad token",
        arguments: [
            ("normal(std", "malformed initialiser spec 'normal(std' at '(std': missing closing ')'"),
            ("normal(std)", "malformed initialiser spec 'normal(std)' at 'std': expected key=value"),
            ("normal std", "malformed initialiser spec 'normal std' at ' ': unexpected character in a name"),
        ])
    func malformed(spec: String, reason: String) throws {
        let output = try Workbook.run(["sample", spec, "--shape", "8x8"])
        #expect(output.status == 64)
        let line = output.stderr.split(separator: "\n").first.map(String.init)
        #expect(line == "Error: The value '\(spec)' is invalid for '<initializer>': \(reason)")
    }

    @Test("an unknown name is refused when the initialiser is built, listing the valid names")
    func unknownName() throws {
        let line = try Workbook.errorLine(["sample", "xavier", "--shape", "8x8"])
        #expect(line.hasPrefix("Error: unknown initialiser 'xavier'; valid: zeros, ones"))
    }

    @Test("a full spec with keyword arguments fills")
    func fullSpec() throws {
        let spec = "variance-scaling(scale=2, mode=fan_in, distribution=truncated_normal)"
        let output = try Workbook.run(["sample", spec, "--shape", "64x32"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.hasPrefix("initializer  variance-scaling(scale=2)\n"))
    }
}
