/// The file formats a ``Tensor`` can be written in, chosen by the file name's extension
/// (what `workbook sample --output FILE` writes).
public enum TensorFileFormat: String, CaseIterable, Sendable {
    /// NumPy `.npy` version 1.0: float32, little-endian, C order (``NumpyArrayWriter/data(for:)``).
    case npy
    /// Comma-separated text, one line per row of the rows × (count/rows) view (``NumpyArrayWriter/csv(for:)``).
    case csv

    /// The format named by the extension of `path`'s last component, case-insensitively: `w.npy` and
    /// `out/W.CSV` qualify; `w`, `.npy` (a hidden file without extension) and `w.txt` do not.
    /// - Throws: ``InitializationError/unsupportedFileFormat(_:valid:)`` naming `path` and the extensions.
    public init(path: String) throws(InitializationError) {
        let name = path.split(separator: "/", omittingEmptySubsequences: false).last ?? Substring(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex,
            let format = TensorFileFormat(rawValue: name[name.index(after: dot)...].lowercased())
        else {
            throw .unsupportedFileFormat(path, valid: Self.allCases.map(\.rawValue))
        }
        self = format
    }

    /// The bytes of a file of this format holding `tensor` (CSV as UTF-8).
    public func encode(_ tensor: Tensor) -> [UInt8] {
        switch self {
        case .npy: NumpyArrayWriter.data(for: tensor)
        case .csv: Array(NumpyArrayWriter.csv(for: tensor).utf8)
        }
    }
}
