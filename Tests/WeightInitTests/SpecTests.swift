import Testing
import WeightInit

@Suite("Initialiser specs")
struct SpecTests {
    @Test(
        "parse names and arguments",
        arguments: [
            ("normal(std=0.01)", "normal", [("std", "0.01")]),
            (
                "kaiming-normal(mode=fan_out, nonlinearity=relu)", "kaiming-normal",
                [("mode", "fan_out"), ("nonlinearity", "relu")]
            ),
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
        #expect(
            try InitializerSpec.parse("kaiming_uniform(mode=fan-out)").makeInitializer().spec.description
                == "kaiming-uniform(mode=fan_out)")
    }

    @Test("gain may be a nonlinearity name")
    func gainByName() throws {
        let initializer = try #require(
            try InitializerSpec.parse("xavier-normal(gain=tanh)").makeInitializer() as? XavierInitializer)
        #expect(initializer.gain == 5.0 / 3.0)
    }

    @Test(
        "malformed specs name the bad token",
        arguments: [
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
