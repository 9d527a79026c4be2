import Foundation

/// Where chapter programs find the compiler and the library they are compiled against: the
/// SwiftPM build folder the running `workbook` (or test runner) was built into.
///
/// Cells import WeightInit, NetLab, Experiments and Notebook; their `.swiftmodule`s are in
/// `BUILD/Modules` and their object files in `BUILD/NAME.build/`. A chapter program is
/// compiled with the optimisation of that build (`-O` for `-c release`) and linked with those
/// objects, so it runs exactly the library code the renderer itself was built from.
struct BuildProducts: Sendable {
    /// The build folder (e.g. `.build/x86_64-unknown-linux-gnu/release`).
    var directory: URL
    /// The Swift compiler.
    var swiftc: URL
    /// Compiler flags for a chapter program (without inputs and output).
    var flags: [String]
    /// Object files to link.
    var objects: [String]
    /// Identifies compiler, flags and library objects: part of every program's key.
    var fingerprint: String

    /// Modules whose objects a chapter program links (C kernels included).
    static let linkedModules = ["WeightInit", "CKernels", "NetLab", "Experiments", "Notebook"]

    /// Finds the build products: `WORKBOOK_BUILD_DIR`, else the folder of the running executable.
    /// The compiler is `WORKBOOK_SWIFTC`, else `swiftc` on the `PATH`.
    static func locate(file: String) throws(WorkbookError) -> BuildProducts {
        let environment = ProcessInfo.processInfo.environment
        let directory: URL
        if let override = environment["WORKBOOK_BUILD_DIR"] {
            directory = URL(fileURLWithPath: override).standardizedFileURL
        } else {
            let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
            directory = executable.deletingLastPathComponent()
        }
        let manager = FileManager.default
        let modules = directory.appendingPathComponent("Modules")
        guard manager.fileExists(atPath: modules.appendingPathComponent("Notebook.swiftmodule").path) else {
            throw WorkbookError(
                .cell, file: file, line: nil,
                "Swift cells are compiled against the package's build products, and \(directory.path) has none (no "
                    + "Modules/Notebook.swiftmodule); run the workbook from its package with `swift run -c release "
                    + "workbook …`, or set WORKBOOK_BUILD_DIR to the build folder"
            )
        }
        guard let swiftc = Self.findCompiler(environment) else {
            throw WorkbookError(
                .cell, file: file, line: nil,
                "Swift cells need the Swift compiler, and no `swiftc` is on the PATH; add the toolchain's usr/bin to "
                    + "PATH or set WORKBOOK_SWIFTC"
            )
        }
        var objects: [String] = []
        var material = "compiler \(swiftc.path) \(Self.stamp(swiftc.resolvingSymlinksInPath().path))\n"
        // SwiftPM records the toolchain version it built with in swift-version-*.txt.
        for name in ((try? manager.contentsOfDirectory(atPath: directory.path)) ?? []).sorted()
        where name.hasPrefix("swift-version-") {
            material +=
                "toolchain \(name) "
                + "\((try? String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)) ?? "")\n"
        }
        for module in linkedModules {
            let folder = directory.appendingPathComponent("\(module).build")
            var names = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".o") }
                .sorted()
            // A Swift module's `sources` file lists what SwiftPM compiled last: objects of deleted
            // sources stay in the folder and must not be linked (they name types that are gone).
            if let listed = try? String(contentsOf: folder.appendingPathComponent("sources"), encoding: .utf8) {
                let current = Set(
                    listed.split(whereSeparator: \.isNewline).map {
                        URL(fileURLWithPath: String($0)).lastPathComponent + ".o"
                    })
                names = names.filter(current.contains)
            }
            guard !names.isEmpty else {
                throw WorkbookError(
                    .cell, file: file, line: nil,
                    "the build folder \(directory.path) has no objects for \(module); rebuild with `swift build -c "
                        + "release`"
                )
            }
            for name in names {
                let path = folder.appendingPathComponent(name).path
                objects.append(path)
                material += "\(path) \(Self.stamp(path))\n"
            }
        }
        for module in ["WeightInit", "NetLab", "Experiments", "Notebook"] {
            let path = modules.appendingPathComponent("\(module).swiftmodule").path
            material += "\(path) \(Self.stamp(path))\n"
        }
        let release = directory.lastPathComponent != "debug"
        var flags = [
            "-swift-version", "6", release ? "-O" : "-Onone", "-module-name", "ChapterProgram",
            "-diagnostic-style=llvm", "-I", modules.path,
        ]
        let moduleMap = directory.appendingPathComponent("CKernels.build/module.modulemap")
        if manager.fileExists(atPath: moduleMap.path) {
            flags += ["-Xcc", "-fmodule-map-file=\(moduleMap.path)"]
        }
        material += "flags \(flags.joined(separator: " "))\n"
        return BuildProducts(
            directory: directory, swiftc: swiftc, flags: flags, objects: objects,
            fingerprint: SHA256.hexDigest(Array(material.utf8)))
    }

    /// Size and modification time of a file: changes whenever SwiftPM rewrites it.
    private static func stamp(_ path: String) -> String {
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(size) \(modified)"
    }

    private static func findCompiler(_ environment: [String: String]) -> URL? {
        if let path = environment["WORKBOOK_SWIFTC"] { return URL(fileURLWithPath: path) }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            let candidate = URL(fileURLWithPath: String(folder)).appendingPathComponent("swiftc")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
        }
        return nil
    }
}
