import Testing
import WeightInit

@Suite("Bad arguments throw errors naming the value and the valid choices")
struct ErrorTests {
    @Test("unknown initialiser lists the valid names")
    func unknownInitializer() {
        #expect(throws: InitializationError.unknownInitializer("xavier", valid: InitializerCatalog.names)) {
            try InitializerSpec.parse("xavier").makeInitializer()
        }
        let message = InitializationError.unknownInitializer("xavier", valid: InitializerCatalog.names).description
        #expect(message.contains("'xavier'") && message.contains("kaiming-normal"))
    }

    @Test("unknown argument lists the valid arguments")
    func unknownArgument() {
        #expect(throws: InitializationError.unknownArgument(initializer: "normal", name: "sd", valid: ["mean", "std"]))
        {
            try InitializerSpec.parse("normal(sd=1)").makeInitializer()
        }
    }

    @Test(
        "out-of-range and malformed values",
        arguments: [
            "normal(std=-1)", "uniform(a=1, b=1)", "uniform(a=2, b=1)", "trunc-normal(a=1, b=-1)",
            "trunc-normal(std=0)",
            "sparse(sparsity=1.5)", "sparse(sparsity=-0.1)", "sparse", "constant", "kaiming-normal(mode=fan_avg)",
            "kaiming-normal(nonlinearity=swish)", "xavier-normal(gain=-1)", "xavier-normal(gain=abc)",
            "normal(std=nan)",
            "dirac(groups=0)", "normal(std=1e999)",
        ])
    func invalidArguments(text: String) {
        #expect(throws: InitializationError.self) { try InitializerSpec.parse(text).makeInitializer() }
    }

    @Test("unknown nonlinearity lists the valid names")
    func unknownNonlinearity() {
        #expect(throws: InitializationError.unknownNonlinearity("swish", valid: Nonlinearity.names)) {
            try Nonlinearity(name: "swish")
        }
        #expect(throws: InitializationError.self) { try Nonlinearity(name: "relu", parameter: 0.1) }
    }

    @Test("shapes: non-positive dimensions and malformed text", arguments: ["0x5", "-3x4", "3x", "axb", "", "3x4x"])
    func badShapes(text: String) {
        #expect(throws: InitializationError.self) { try Tensor.parseShape(text) }
    }

    @Test("shape restrictions: eye and sparse need 2-D, dirac 3-5-D, orthogonal ≥ 2-D")
    func unsupportedShapes() throws {
        var stream = RandomStream(seed: 0)
        #expect(throws: InitializationError.self) { try EyeInitializer().makeTensor(shape: [2, 2, 2], using: &stream) }
        #expect(throws: InitializationError.self) {
            try SparseInitializer(sparsity: 0.5).makeTensor(shape: [4], using: &stream)
        }
        #expect(throws: InitializationError.self) { try DiracInitializer().makeTensor(shape: [4, 4], using: &stream) }
        #expect(throws: InitializationError.self) {
            try DiracInitializer(groups: 3).makeTensor(shape: [4, 4, 3], using: &stream)
        }
        #expect(throws: InitializationError.self) { try OrthogonalInitializer().makeTensor(shape: [9], using: &stream) }
        #expect(throws: InitializationError.self) {
            try XavierInitializer(.normal).makeTensor(shape: [9], using: &stream)
        }
    }
}
