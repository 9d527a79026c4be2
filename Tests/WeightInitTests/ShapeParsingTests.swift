import Testing
import WeightInit

/// ``Tensor/parseShape(_:)``: its errors name the bad dimension.
@Suite("Shape parsing")
struct ShapeParsingTests {
    @Test(
        "shapes of one to five dimensions parse",
        arguments: [
            ("8", [8]), ("8x8", [8, 8]), ("3x3x16x32", [3, 3, 16, 32]), ("64x3x3x3x3", [64, 3, 3, 3, 3]),
        ])
    func parses(text: String, shape: [Int]) throws {
        #expect(try Tensor.parseShape(text) == shape)
    }

    @Test(
        "each bad dimension is named",
        arguments: [
            ("8x0", InitializationError.nonPositiveDimension(0, shape: [8, 0])),
            ("8x-1", .nonPositiveDimension(-1, shape: [8, -1])),
            ("8xa", .invalidDimension("a", shape: "8xa")),
            ("8x", .invalidDimension("", shape: "8x")),
            ("x8", .invalidDimension("", shape: "x8")),
            ("", .invalidDimension("", shape: "")),
            ("8X8", .invalidDimension("8X8", shape: "8X8")),
            ("99999999999999999999", .invalidDimension("99999999999999999999", shape: "99999999999999999999")),
            ("65536x65536x2", .tooLarge(shape: [65536, 65536, 2])),
        ])
    func refused(text: String, error: InitializationError) {
        #expect(throws: error) { try Tensor.parseShape(text) }
    }

    @Test("the messages say what is wrong and what is expected")
    func messages() {
        let expected = "expected positive integers separated by 'x', e.g. 256x512 or 64x3x3x3"
        #expect(
            InitializationError.invalidDimension("a", shape: "8xa").description
                == "invalid shape '8xa': dimension 'a' is not an integer; \(expected)")
        #expect(
            InitializationError.invalidDimension("", shape: "8x").description
                == "invalid shape '8x': a dimension is empty; \(expected)")
        #expect(
            InitializationError.invalidDimension("", shape: "").description
                == "invalid shape '': the shape is empty; \(expected)")
        let huge = "99999999999999999999"
        #expect(
            InitializationError.invalidDimension(huge, shape: huge + "x2").description
                == "invalid shape '\(huge)x2': dimension '\(huge)' is too large; \(expected)")
        #expect(
            InitializationError.nonPositiveDimension(0, shape: [8, 0]).description
                == "dimension 0 in shape [8, 0] is not positive; every dimension must be ≥ 1")
    }
}
