import Testing
import WeightInit

@Suite("NumPy export")
struct NumpyExportTests {
    @Test("header is a valid .npy v1.0 header aligned to 64 bytes, data little-endian C order")
    func header() throws {
        let tensor = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, -0.5])
        let bytes = NumpyArrayWriter.data(for: tensor)
        #expect(Array(bytes[0..<8]) == [0x93, 0x4E, 0x55, 0x4D, 0x50, 0x59, 1, 0])
        let headerLength = Int(bytes[8]) | Int(bytes[9]) << 8
        #expect((10 + headerLength) % 64 == 0)
        let header = String(decoding: bytes[10..<(10 + headerLength)], as: UTF8.self)
        #expect(header.hasPrefix("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }"))
        #expect(header.hasSuffix("\n"))
        #expect(bytes.count == 10 + headerLength + 24)
        let last = bytes[(bytes.count - 4)...]
        #expect(Array(last) == [0x00, 0x00, 0x00, 0xBF])  // -0.5 = 0xBF000000
    }
}
