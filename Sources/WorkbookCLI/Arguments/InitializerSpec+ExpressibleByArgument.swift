import ArgumentParser
import WeightInit

// The conformance is declared here rather than through a wrapper type: WeightInit is a library product
// that must not depend on ArgumentParser, so it cannot declare it itself, and a wrapper would only add
// `.spec` at every use. No `@retroactive` is needed (the compiler refuses it): InitializerSpec is declared
// in this package, which owns the conformance, and ArgumentParser cannot know the type to declare a rival.
extension InitializerSpec: ExplainedArgument {
    /// Parses `name` or `name(key=value, …)` with ``InitializerSpec/parse(_:)``, whose error names the
    /// offending token; the name is checked against the catalogue when the initialiser is built.
    init(parsing text: String) throws(InitializationError) {
        self = try InitializerSpec.parse(text)
    }

    /// The spec `argument` spells, or nil where ``init(parsing:)`` throws. Public because the type is
    /// (the protocol requirement must be as visible as the type), so ``ExplainedArgument``'s default cannot serve.
    public init?(argument: String) {
        do {
            try self.init(parsing: argument)
        } catch {
            return nil
        }
    }
}
