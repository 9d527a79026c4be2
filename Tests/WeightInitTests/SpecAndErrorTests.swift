import Testing
import WeightInit

@Suite("Initialiser specs")
struct SpecTests {
    @Test("parse names and arguments", arguments: [
        ("normal(std=0.01)", "normal", [("std", "0.01")]),
        ("kaiming-normal(mode=fan_out, nonlinearity=relu)", "kaiming-normal", [("mode", "fan_out"), ("nonlinearity", "relu")]),
        ("  orthogonal( gain = 1.6667 ) ", "orthogonal", [("gain", "1.6667")]),
        ("xavier-uniform", "xavier-uniform", []),
        ("xavier-uniform()", "xavier-uniform", []),
    ])
    func parse(text: String, name: String, arguments: [(String, String)]) throws {
        let spec = try InitializerSpec.parse(text)
        #expect(spec == InitializerSpec(name: name, arguments: arguments))
    }

    @Test("every catalogue name builds with its defaults (sparse and constant need an argument)")
    func catalogue() throws {
        for name in InitializerCatalog.names where name != "sparse" && name != "constant" {
            #expect(InitializerCatalog.canonicalName(name) == name)
            _ = try InitializerSpec.parse(name).makeInitializer()
        }
        #expect(try InitializerSpec.parse("sparse(sparsity=0.1)").makeInitializer() is SparseInitializer)
    }

    @Test("aliases: underscores, glorot and he")
    func aliases() throws {
        #expect(try InitializerSpec.parse("glorot_uniform").makeInitializer().spec.name == "xavier-uniform")
        #expect(try InitializerSpec.parse("he_normal").makeInitializer().spec.name == "kaiming-normal")
        #expect(try InitializerSpec.parse("kaiming_uniform(mode=fan-out)").makeInitializer().spec.description
                == "kaiming-uniform(mode=fan_out)")
    }

    @Test("gain may be a nonlinearity name")
    func gainByName() throws {
        let initializer = try #require(try InitializerSpec.parse("xavier-normal(gain=tanh)").makeInitializer() as? XavierInitializer)
        #expect(initializer.gain == 5.0 / 3.0)
    }

    @Test("malformed specs name the bad token", arguments: [
        ("normal(std=0.01", "(std=0.01"), ("normal(std)", "std"), ("normal(std=)", "std="),
        ("normal((std=1))", "("), ("(std=1)", "("), ("normal std", " "), ("normal(std=1, std=2)", "std"),
    ])
    func malformed(text: String, token: String) {
        #expect(throws: InitializationError.self) { try InitializerSpec.parse(text) }
        do {
            _ = try InitializerSpec.parse(text)
        } catch {
            guard case .malformedSpec(_, let found, _) = error else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(found == token)
        }
    }
}

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
        #expect(throws: InitializationError.unknownArgument(initializer: "normal", name: "sd", valid: ["mean", "std"])) {
            try InitializerSpec.parse("normal(sd=1)").makeInitializer()
        }
    }

    @Test("out-of-range and malformed values", arguments: [
        "normal(std=-1)", "uniform(a=1, b=1)", "uniform(a=2, b=1)", "trunc-normal(a=1, b=-1)", "trunc-normal(std=0)",
        "sparse(sparsity=1.5)", "sparse(sparsity=-0.1)", "sparse", "constant", "kaiming-normal(mode=fan_avg)",
        "kaiming-normal(nonlinearity=swish)", "xavier-normal(gain=-1)", "xavier-normal(gain=abc)", "normal(std=nan)",
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
        #expect(throws: InitializationError.self) { try SparseInitializer(sparsity: 0.5).makeTensor(shape: [4], using: &stream) }
        #expect(throws: InitializationError.self) { try DiracInitializer().makeTensor(shape: [4, 4], using: &stream) }
        #expect(throws: InitializationError.self) { try DiracInitializer(groups: 3).makeTensor(shape: [4, 4, 3], using: &stream) }
        #expect(throws: InitializationError.self) { try OrthogonalInitializer().makeTensor(shape: [9], using: &stream) }
        #expect(throws: InitializationError.self) { try XavierInitializer(.normal).makeTensor(shape: [9], using: &stream) }
    }
}

@Suite("NumPy export")
struct NumpyExportTests {
    @Test("header is a valid .npy v1.0 header aligned to 64 bytes, data little-endian C order")
    func header() throws {
        let tensor = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, -0.5])
        let bytes = NumpyArrayWriter.data(for: tensor)
        #expect(Array(bytes[0..<8]) == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        let header = String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"))
        #expect(header.hasSuffix("\n"))
        #expect(bytes.count == 10 + headerLength + 24)
        let last = bytes[(bytes.count - 4)...]
        #expect(Array(last) == [0x00, 0x00, 0x00, 0xBF])  // -0.5 = 0xBF000000
    }
}
