/// Serialises a ``Tensor`` as a NumPy `.npy` file (format version 1.0): the magic
/// `\x93NUMPY`, version bytes, a little-endian header length, an ASCII header dict
/// `{'descr': '<f4', 'fortran_order': False, 'shape': (…), }` padded with spaces to a
/// multiple of 64 bytes and ending in `\n`, then the float32 data little-endian in C order.
public enum NumpyArrayWriter {
    /// The bytes of the `.npy` file for `tensor`.
    public static func data(for tensor: Tensor) -> [UInt8] {
        let shapeText =
            tensor.shape.count == 1
            ? "(\(tensor.shape[0]),)"
            : "(" + tensor.shape.map(String.init).joined(separator: ", ") + ")"
        var header = "{'descr': '<f4', 'fortran_order': False, 'shape': \(shapeText), }"
        let preamble = 10
        let total = preamble + header.utf8.count + 1
        header += String(repeating: " ", count: (64 - total % 64) % 64) + "\n"
        var bytes: [UInt8] = [0x93] + Array("NUMPY".utf8) + [1, 0]
        let length = UInt16(header.utf8.count)
        bytes += [UInt8(length & 0xFF), UInt8(length >> 8)]
        bytes += Array(header.utf8)
        bytes.reserveCapacity(bytes.count + tensor.count * 4)
        for value in tensor.scalars {
            let bits = value.bitPattern.littleEndian
            bytes += [
                UInt8(truncatingIfNeeded: bits), UInt8(truncatingIfNeeded: bits >> 8),
                UInt8(truncatingIfNeeded: bits >> 16), UInt8(truncatingIfNeeded: bits >> 24),
            ]
        }
        return bytes
    }

    /// CSV text: the tensor viewed as rows × (count/rows), one line per row, values in
    /// shortest round-trip notation.
    public static func csv(for tensor: Tensor) -> String {
        var text = ""
        let columns = tensor.columns
        for row in 0..<tensor.rows {
            let slice = tensor.scalars[(row * columns)..<((row + 1) * columns)]
            text += slice.map { String($0) }.joined(separator: ",") + "\n"
        }
        return text
    }
}
