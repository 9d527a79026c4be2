/// Typed access to a spec's arguments with the catalogue's defaults (what a factory reads).
struct SpecArguments: Sendable {
    let spec: InitializerSpec
    let entry: InitializerCatalog.Entry

    func text(_ key: String) throws(InitializationError) -> String {
        if let value = spec.argument(key) { return value }
        if let fallback = entry.arguments.first(where: { $0.name == key })?.defaultValue { return fallback }
        throw .invalidArgument(name: key, value: "(missing)", expected: "a value: \(entry.name) requires \(key)=…")
    }

    func number(_ key: String) throws(InitializationError) -> Double {
        let value = try text(key)
        guard let number = SpecNumber.parse(value) else {
            throw .invalidArgument(name: key, value: value, expected: "a finite number such as 0.01, -2, 1e-3 or 5/3")
        }
        return number
    }

    func integer(_ key: String) throws(InitializationError) -> Int {
        let value = try text(key)
        guard let number = Int(value) else { throw .invalidArgument(name: key, value: value, expected: "an integer") }
        return number
    }

    func word(_ key: String) throws(InitializationError) -> String { try text(key) }

    /// A gain given as a number or as a nonlinearity name (`gain=tanh` means 5/3).
    func gain() throws(InitializationError) -> Double {
        let value = try text("gain")
        if let number = SpecNumber.parse(value) { return number }
        do {
            return try Nonlinearity(name: value).gain
        } catch {
            throw .invalidArgument(
                name: "gain", value: value,
                expected: "a number or a nonlinearity name (" + Nonlinearity.names.joined(separator: ", ") + ")")
        }
    }
}
