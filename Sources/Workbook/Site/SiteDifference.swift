import Foundation

/// A file that differs between the built site and a fresh build (see ``SiteBuilder/check()``).
public struct SiteDifference: Sendable, Equatable, CustomStringConvertible {
    /// How the file differs.
    public enum Kind: String, Sendable {
        /// The contents differ.
        case changed
        /// A fresh build would create the file; the site lacks it.
        case missing
        /// The site has a file a fresh build would not create.
        case extra
    }

    /// The path relative to the site root.
    public var path: String
    /// How it differs.
    public var kind: Kind

    /// `changed: 03-xavier.html`.
    public var description: String { "\(kind.rawValue): \(path)" }
}
