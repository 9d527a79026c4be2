import Foundation
import NetLab
import Testing

/// `WORKBOOK_KERNEL` forces one kernel path for a whole process; the experiments' JSON must be
/// byte-identical whichever path computed it. Runs the `workbook` executable that `swift test`
/// builds next to the test bundle.
@Suite struct ForcedKernelTests {
    /// The `workbook` executable in the build folder of the running tests.
    static func workbook() throws -> URL {
        let folder = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let executable = folder.appendingPathComponent("workbook")
        try #require(
            FileManager.default.isExecutableFile(atPath: executable.path),
            "no workbook executable in \(folder.path); build it with `swift build -c release`")
        return executable
    }

    /// stdout of `workbook arguments…` with WORKBOOK_KERNEL=`kernel`.
    static func run(_ arguments: [String], kernel: KernelISA) throws -> Data {
        let process = Process()
        process.executableURL = try workbook()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["WORKBOOK_KERNEL"] = kernel.rawValue
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "workbook \(arguments.joined(separator: " ")) on \(kernel.rawValue)")
        return data
    }

    /// forward-stats (tanh and relu, products large enough to run in parallel chunks, histograms)
    /// and training (fused forward and backward, every optimiser step) print the same JSON bytes
    /// under every path this CPU supports.
    @Test(arguments: [
        [
            "run", "forward-stats", "--set", "init=[xavier-normal, kaiming-normal]", "--set", "depth=4", "--set",
            "width=128",
            "--set", "samples=600", "--format", "json",
        ],
        [
            "run", "forward-stats", "--set", "init=[kaiming-normal]", "--set", "activation=relu", "--set", "depth=3",
            "--set", "width=100", "--set", "samples=333", "--set", "bias=true", "--format", "json",
        ],
        [
            "run", "training", "--set", "init=[xavier-normal, normal(std=0.01)]", "--set", "epochs=2", "--set",
            "width=32",
            "--set", "depth=2", "--format", "json",
        ],
        [
            "run", "training", "--set", "init=[kaiming-normal]", "--set", "activation=tanh", "--set", "optimizer=adam",
            "--set", "lr=0.01", "--set", "epochs=1", "--set", "width=40", "--set", "depth=3", "--set", "batch=50",
            "--format", "json",
        ],
    ])
    func jsonIsByteIdenticalUnderEveryForcedPath(arguments: [String]) throws {
        let paths = KernelISA.supported
        let reference = try Self.run(arguments, kernel: paths[0])
        #expect(reference.count > 100)
        for kernel in paths.dropFirst() {
            let output = try Self.run(arguments, kernel: kernel)
            #expect(
                output == reference,
                "\(arguments.joined(separator: " ")): \(kernel.rawValue) differs from \(paths[0].rawValue)")
        }
    }
}
