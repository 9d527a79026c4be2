import Experiments

/// A value that can sit in a ``Table`` cell: integers, reals (NaN and ±∞ become missing),
/// text, and optionals of these (nil is missing).
public protocol TableValue {
    /// The value as a result cell.
    var tableCell: ResultCell { get }
}
