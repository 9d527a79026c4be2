import Testing
import WeightInit

@Suite("Fans and gains match PyTorch")
struct FansAndGainsTests {
    @Test(
        "fans",
        arguments: [([256, 512], 512, 256), ([64, 3, 3, 3], 27, 576), ([10, 20, 5], 100, 50), ([1, 1], 1, 1)])
    func fans(shape: [Int], fanIn: Int, fanOut: Int) throws {
        #expect(try Fans(shape: shape) == Fans(fanIn: fanIn, fanOut: fanOut))
    }

    @Test("fewer than two dimensions is an error")
    func fansNeedTwoDimensions() {
        #expect(throws: InitializationError.tooFewDimensions(shape: [5])) { try Fans(shape: [5]) }
    }

    @Test(
        "gains",
        arguments: [
            ("linear", nil, 1.0), ("conv2d", nil, 1.0), ("sigmoid", nil, 1.0), ("tanh", nil, 5.0 / 3.0),
            ("relu", nil, 2.0.squareRoot()), ("leaky_relu", nil, (2.0 / (1 + 0.0001)).squareRoot()),
            ("leaky_relu", 0.2, (2.0 / 1.04).squareRoot()), ("selu", nil, 0.75), ("conv_transpose3d", nil, 1.0),
        ] as [(String, Double?, Double)])
    func gains(name: String, parameter: Double?, gain: Double) throws {
        #expect(try Nonlinearity(name: name, parameter: parameter).gain == gain)
    }
}
