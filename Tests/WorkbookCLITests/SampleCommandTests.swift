import Foundation
import Testing
import WeightInit

/// `workbook sample`: option overrides merged into the spec, negative values after a space, and `--output`.
@Suite("workbook sample")
struct SampleCommandTests {
    /// The `initializer` line `workbook sample arguments…` prints.
    static func initializerLine(_ arguments: [String]) throws -> String {
        let output = try Workbook.run(["sample"] + arguments)
        #expect(output.status == 0, "\(output.stderr)")
        return output.stdout.split(separator: "\n").first.map(String.init) ?? ""
    }

    @Test(
        "a negative number after a space is a value, as after '='",
        arguments: [
            (["uniform", "--shape", "8x8", "--a", "-0.7"], "uniform(a=-0.7, b=1)"),
            (["uniform", "--shape", "8x8", "--a=-0.7"], "uniform(a=-0.7, b=1)"),
            (["normal", "--shape", "8x8", "--mean", "-2", "--std", "0.5"], "normal(mean=-2, std=0.5)"),
            (
                ["trunc-normal", "--shape", "8x8", "--a", "-1", "--b", "1e-1"],
                "trunc-normal(mean=0, std=1, a=-1, b=0.1)"
            ),
            (["kaiming-normal", "--shape", "8x8", "--negative-slope", "-0.2"], "kaiming-normal(a=-0.2)"),
        ])
    func negativeValues(arguments: [String], spec: String) throws {
        #expect(try Self.initializerLine(arguments) == "initializer  \(spec)")
    }

    @Test("options override the spec's arguments and add missing ones")
    func overridesMerge() throws {
        #expect(
            try Self.initializerLine(["normal(std=1, mean=2)", "--shape", "8x8", "--std", "5/10"])
                == "initializer  normal(mean=2, std=0.5)")
        #expect(
            try Self.initializerLine([
                "kaiming-uniform(mode=fan_in)", "--shape", "8x8", "--mode", "fan_out",
                "--nonlinearity", "relu",
            ])
                == "initializer  kaiming-uniform(mode=fan_out, nonlinearity=relu)")
    }

    @Test("a bad option value or an argument the initialiser lacks is refused, naming it")
    func badOverrides() throws {
        #expect(
            try Workbook.errorLine(["sample", "normal", "--shape", "8x8", "--std", "0.1)"])
                == "Error: invalid std '0.1)': expected a number such as 0.01, -2, 1e-3 or 5/3, "
                + "or a word such as fan_out")
        #expect(
            try Workbook.errorLine(["sample", "eye", "--shape", "8x8", "--gain", "2"])
                == "Error: eye has no argument 'gain'; it takes no arguments")
    }

    @Test("gain's --param takes a negative number after a space")
    func gainParameter() throws {
        let output = try Workbook.run(["gain", "leaky_relu", "--param", "-0.2"])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "\(Nonlinearity.leakyRelu(negativeSlope: -0.2).gain)\n")
    }

    @Test("--output writes .npy and .csv (any case) with the library's bytes", arguments: ["w.npy", "w.CSV"])
    func output(name: String) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("sample-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent(name)
        let output = try Workbook.run([
            "sample", "xavier-normal", "--shape", "4x3", "--seed", "7",
            "--output", file.path,
        ])
        #expect(output.status == 0, "\(output.stderr)")
        #expect(output.stdout == "wrote 4x3 xavier-normal to \(file.path)\n")
        var stream = RandomStream(seed: 7)
        let initializer = try InitializerSpec.parse("xavier-normal").makeInitializer()
        let tensor = try initializer.makeTensor(shape: [4, 3], using: &stream)
        let format = try TensorFileFormat(path: name)
        #expect(try [UInt8](Data(contentsOf: file)) == format.encode(tensor))
    }

    @Test("--output with another extension is refused before sampling, naming the file and the formats")
    func unsupportedOutput() throws {
        #expect(
            try Workbook.errorLine(["sample", "normal", "--shape", "8x8", "--output", "w.txt"])
                == "Error: unsupported output 'w.txt': use a .npy or .csv file name")
    }
}
