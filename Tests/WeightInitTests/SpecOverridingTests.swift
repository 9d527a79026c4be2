import Testing
import WeightInit

/// ``InitializerSpec/overriding(_:)``: a spec plus per-argument overrides merged into one spec.
@Suite("Spec overrides")
struct SpecOverridingTests {
    @Test("an override replaces its key (moved to the end) or is appended; the name is kept")
    func merge() throws {
        let spec = try InitializerSpec.parse("normal(std=1, mean=2)")
        #expect(
            try spec.overriding([("std", "0.5")])
                == InitializerSpec(name: "normal", arguments: [("mean", "2"), ("std", "0.5")]))
        #expect(
            try spec.overriding([("std", "0.5"), ("mean", "-1")])
                == InitializerSpec(name: "normal", arguments: [("std", "0.5"), ("mean", "-1")]))
        #expect(try InitializerSpec(name: "uniform").overriding([("a", "-0.7")]).description == "uniform(a=-0.7)")
        #expect(try spec.overriding([]) == spec)
    }

    @Test("values are trimmed, and the result parses back to itself")
    func roundTrip() throws {
        let spec = try InitializerSpec.parse("kaiming-normal").overriding([("a", " -0.2 "), ("mode", "fan_out")])
        #expect(spec.description == "kaiming-normal(a=-0.2, mode=fan_out)")
        #expect(try InitializerSpec.parse(spec.description) == spec)
        #expect(try spec.makeInitializer().spec.description == "kaiming-normal(a=-0.2, mode=fan_out)")
    }

    @Test("a value parse would refuse is named", arguments: ["0.1)", "", " ", "1, std=2", "a b"])
    func badValue(value: String) {
        #expect(
            throws: InitializationError.invalidArgument(
                name: "std", value: value, expected: "a number such as 0.01, -2, 1e-3 or 5/3, or a word such as fan_out"
            )
        ) {
            try InitializerSpec(name: "normal").overriding([("std", value)])
        }
    }

    @Test("a key that is not a name is named")
    func badKey() {
        #expect(throws: InitializationError.malformedSpec("normal", token: "s d", reason: "invalid argument name")) {
            try InitializerSpec(name: "normal").overriding([("s d", "1")])
        }
    }

    @Test("unknown keys and out-of-range values are left to makeInitializer, as for written specs")
    func checkedWhenBuilt() throws {
        let unknown = try InitializerSpec(name: "eye").overriding([("gain", "2")])
        #expect(throws: InitializationError.unknownArgument(initializer: "eye", name: "gain", valid: [])) {
            try unknown.makeInitializer()
        }
        #expect(throws: InitializationError.self) {
            try InitializerSpec(name: "normal").overriding([("std", "-1")]).makeInitializer()
        }
    }
}
