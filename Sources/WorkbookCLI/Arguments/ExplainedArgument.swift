import ArgumentParser

/// A command-line value whose parser says why it refused a text.
///
/// `ExpressibleByArgument.init?(argument:)` can only fail without a reason, which ArgumentParser reports as
/// "The value '8x0' is invalid for '--shape <shape>'". So options of these types are declared with
/// `transform: T.init(parsing:)`: ArgumentParser then appends the thrown error's description,
/// "…: dimension 0 in shape [8, 0] is not positive; …", after its usual `Error: ` prefix. The
/// `ExpressibleByArgument` conformance stays for declarations that need no reason (and for help defaults).
protocol ExplainedArgument: ExpressibleByArgument {
    /// Parses one command-line word, throwing an error whose description names the text and the expected form.
    init(parsing text: String) throws
}

extension ExplainedArgument {
    /// The value of `argument`, or nil where ``init(parsing:)`` throws (ArgumentParser's failable entry point).
    init?(argument: String) {
        do {
            try self.init(parsing: argument)
        } catch {
            return nil
        }
    }
}
