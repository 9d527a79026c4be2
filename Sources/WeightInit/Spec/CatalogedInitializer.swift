/// An initialiser that registers itself: its catalogue entries (one per name it answers to) carry
/// the arguments, defaults, formula and factory. List the type in ``InitializerCatalog``'s `registered`.
public protocol CatalogedInitializer: WeightInitializer {
    /// The names this type answers to, with their defaults and factories.
    static var catalogEntries: [InitializerCatalog.Entry] { get }
}
