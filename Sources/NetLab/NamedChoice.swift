/// A closed set of options selectable by name, such as ``DatasetKind`` and ``OptimizerKind``:
/// each case's raw value is its name.
public protocol NamedChoice: CaseIterable, RawRepresentable<String> {
    /// What the options are, as error messages name it (`dataset`, `optimizer`).
    static var choiceKind: String { get }
}

extension NamedChoice {
    /// Every name ``init(name:)`` accepts, in declaration order.
    public static var names: [String] { allCases.map(\.rawValue) }

    /// The option called `name`, ignoring case. Throws ``NetLabError/unknownName(kind:name:valid:)``,
    /// which quotes `name` as given and lists every valid name, when there is none.
    public init(name: String) throws(NetLabError) {
        guard let value = Self(rawValue: name.lowercased()) else {
            throw .unknownName(kind: Self.choiceKind, name: name, valid: Self.names)
        }
        self = value
    }
}
