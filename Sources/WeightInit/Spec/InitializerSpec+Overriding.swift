extension InitializerSpec {
    /// This spec with `overrides` merged in, in order: each `(key, value)` replaces the argument of that key
    /// (the new value moves to the end) or is appended. The name is kept; values are trimmed of white space.
    /// `normal(std=1, mean=2)` overridden with `[("std", "0.5")]` is `normal(mean=2, std=0.5)`.
    ///
    /// Keys and values must be what ``parse(_:)`` accepts, so the result's ``description`` parses back to
    /// an equal spec; whether the initialiser takes the key and whether the value is in range is checked by
    /// ``makeInitializer()``, as for a written spec.
    /// - Throws: ``InitializationError/malformedSpec(_:token:reason:)`` naming a key that is not a name, and
    ///   ``InitializationError/invalidArgument(name:value:expected:)`` naming a value that is empty or holds
    ///   characters other than letters, digits and `- _ . / +`.
    public func overriding(_ overrides: [(key: String, value: String)]) throws(InitializationError) -> InitializerSpec {
        var merged = arguments.map { ($0.key, $0.value) }
        for (key, value) in overrides {
            guard !key.isEmpty, key.allSatisfy(Self.isNameCharacter) else {
                throw .malformedSpec(description, token: key, reason: "invalid argument name")
            }
            let trimmed = value.trimmingSpaces()
            guard !trimmed.isEmpty, trimmed.allSatisfy(Self.isValueCharacter) else {
                throw .invalidArgument(
                    name: key, value: value,
                    expected: "a number such as 0.01, -2, 1e-3 or 5/3, or a word such as fan_out")
            }
            merged.removeAll { $0.0 == key }
            merged.append((key, trimmed))
        }
        return InitializerSpec(name: name, arguments: merged)
    }
}
