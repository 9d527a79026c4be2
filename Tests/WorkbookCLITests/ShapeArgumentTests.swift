import Testing

/// `--shape AxB…` of `workbook sample`, through the real command: every refusal names the bad dimension.
@Suite("--shape")
struct ShapeArgumentTests {
    static let expected = "expected positive integers separated by 'x', e.g. 256x512 or 64x3x3x3"

    @Test(
        "zero, negative, malformed, empty and overflowing dimensions are named",
        arguments: [
            ("8x0", "dimension 0 in shape [8, 0] is not positive; every dimension must be ≥ 1"),
            ("8x-1", "dimension -1 in shape [8, -1] is not positive; every dimension must be ≥ 1"),
            ("-8x8", "dimension -8 in shape [-8, 8] is not positive; every dimension must be ≥ 1"),
            ("3x3x0x32", "dimension 0 in shape [3, 3, 0, 32] is not positive; every dimension must be ≥ 1"),
            ("8xa", "invalid shape '8xa': dimension 'a' is not an integer; \(expected)"),
            ("8,8", "invalid shape '8,8': dimension '8,8' is not an integer; \(expected)"),
            ("8x", "invalid shape '8x': a dimension is empty; \(expected)"),
            ("", "invalid shape '': the shape is empty; \(expected)"),
            (
                "99999999999999999999x2",
                "invalid shape '99999999999999999999x2': dimension '99999999999999999999' "
                    + "is too large; \(expected)"
            ),
            ("65536x65536x2", "shape [65536, 65536, 2] has more than 2^31 elements"),
        ])
    func refused(shape: String, reason: String) throws {
        let output = try Workbook.run(["sample", "uniform", "--shape", shape])
        #expect(output.status == 64)
        let line = output.stderr.split(separator: "\n").first.map(String.init)
        #expect(line == "Error: The value '\(shape)' is invalid for '--shape <shape>': \(reason)")
    }

    @Test("2-D and 4-D shapes fill", arguments: [("8x8", "8x8", 8), ("3x3x16x32", "3x3x16x32", 1536)])
    func accepted(shape: String, printed: String, fanIn: Int) throws {
        let output = try Workbook.run(["sample", "xavier-uniform", "--shape", shape])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout.contains("shape        \(printed)\n"))
        #expect(output.stdout.contains("fan_in       \(fanIn)\n"))
    }
}
