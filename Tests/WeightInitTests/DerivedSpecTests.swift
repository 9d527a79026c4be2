import Testing
import WeightInit

/// Specs are derived from the catalogue's defaults (declared once, in the entries).
@Suite("Spec text derived from the catalogue's defaults")
struct DerivedSpecTests {
    @Test(
        "a default-built initialiser's spec is its bare name",
        arguments: [
            "xavier-uniform", "xavier-normal", "lecun-uniform", "lecun-normal", "kaiming-uniform", "kaiming-normal",
            "orthogonal", "dirac", "variance-scaling",
        ])
    func defaultsAreOmitted(_ name: String) throws {
        let initializer = try InitializerCatalog.makeInitializer(InitializerSpec(name: name))
        #expect(initializer.spec.description == name)
    }

    @Test("arguments that differ from the defaults are kept, in catalogue order")
    func nonDefaultsAreKept() throws {
        #expect(
            try KaimingInitializer(.normal, nonlinearity: "relu").spec.description
                == "kaiming-normal(nonlinearity=relu)")
        #expect(
            try KaimingInitializer(.uniform, a: 0.2, mode: .fanOut).spec.description
                == "kaiming-uniform(a=0.2, mode=fan_out)")
        let scaling = try InitializerCatalog.makeInitializer(
            InitializerSpec.parse("variance-scaling(distribution=uniform, scale=2, mode=fan_avg)"))
        #expect(scaling.spec.description == "variance-scaling(scale=2, mode=fan_avg, distribution=uniform)")
        #expect(try XavierInitializer(.normal, gain: 2).spec.description == "xavier-normal(gain=2)")
    }
}
