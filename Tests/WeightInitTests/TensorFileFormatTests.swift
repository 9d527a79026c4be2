import Testing
import WeightInit

/// ``TensorFileFormat``: the output format chosen by a file name's extension.
@Suite("Tensor file formats")
struct TensorFileFormatTests {
    @Test(
        "the extension of the last path component picks the format, in any case",
        arguments: [
            ("w.npy", TensorFileFormat.npy), ("out/W.NPY", .npy), ("/tmp/a.b/w.csv", .csv), ("w.tar.Csv", .csv),
        ])
    func chosen(path: String, format: TensorFileFormat) throws {
        #expect(try TensorFileFormat(path: path) == format)
    }

    @Test(
        "other names are refused, naming the file and the formats",
        arguments: [
            "w.txt", "w", ".npy", "npy", "w.npy/", "dir.csv/w", "w.",
        ])
    func refused(path: String) {
        #expect(throws: InitializationError.unsupportedFileFormat(path, valid: ["npy", "csv"])) {
            try TensorFileFormat(path: path)
        }
        #expect(
            InitializationError.unsupportedFileFormat(path, valid: ["npy", "csv"]).description
                == "unsupported output '\(path)': use a .npy or .csv file name")
    }

    @Test("each format encodes with its writer")
    func encode() throws {
        let tensor = try Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, -0.5])
        #expect(TensorFileFormat.npy.encode(tensor) == NumpyArrayWriter.data(for: tensor))
        #expect(TensorFileFormat.csv.encode(tensor) == Array("1.0,2.0,3.0\n4.0,5.0,-0.5\n".utf8))
    }
}
