import Foundation

/// Compiles a ``ChapterProgram`` with `swiftc` against the ``BuildProducts``, into a
/// content-addressed folder (`.workbook-cache/programs/KEY/`), so an unchanged chapter is never
/// compiled twice. A compile error is reported at the chapter's Markdown line.
struct CellCompiler: Sendable {
    /// Compiler, flags and library objects.
    var products: BuildProducts
    /// The folder holding one sub-folder per compiled program.
    var programsDirectory: URL

    /// The executable of `program`, compiling it first when needed. `file` is the chapter's display path.
    func executable(for program: ChapterProgram, file: String) throws(WorkbookError) -> URL {
        let folder = programsDirectory.appendingPathComponent(program.key)
        let binary = folder.appendingPathComponent("chapter")
        if FileManager.default.isExecutableFile(atPath: binary.path) { return binary }
        try compile(program, into: folder, file: file)
        return binary
    }

    /// Removes the compiled `program` (used when a binary turns out not to match its chapter).
    func discard(_ program: ChapterProgram) {
        try? FileManager.default.removeItem(at: programsDirectory.appendingPathComponent(program.key))
    }

    private func compile(_ program: ChapterProgram, into folder: URL, file: String) throws(WorkbookError) {
        let manager = FileManager.default
        let staging = programsDirectory.appendingPathComponent(
            ".compiling-\(program.key.prefix(16))-\(UUID().uuidString)")
        defer { try? manager.removeItem(at: staging) }
        let source = staging.appendingPathComponent("main.swift")
        let outcome: ChildProcess.Outcome
        do {
            try manager.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data(program.source.utf8).write(to: source)
            let compiler = ChildProcess(
                executable: products.swiftc,
                arguments: products.flags + [source.path] + products.objects
                    + ["-o", staging.appendingPathComponent("chapter").path],
                directory: staging, timeout: .seconds(900))
            outcome = try compiler.run(scratch: staging.appendingPathComponent("compiler"))
        } catch {
            throw WorkbookError(
                .io, file: file, line: nil, "cannot run the Swift compiler (\(products.swiftc.path)): \(error)")
        }
        guard outcome.ending == .exited(0) else {
            throw Self.compileError(outcome.standardError + outcome.standardOutput, program: program, file: file)
        }
        try? manager.removeItem(at: staging.appendingPathComponent("compiler"))
        do {
            try manager.createDirectory(at: programsDirectory, withIntermediateDirectories: true)
            try manager.moveItem(at: staging, to: folder)
        } catch {
            // Another build compiled the same program at the same time: use theirs.
            guard manager.isExecutableFile(atPath: folder.appendingPathComponent("chapter").path) else {
                throw WorkbookError(
                    .io, file: file, line: nil,
                    "cannot store the compiled program in \(folder.path): \(error.localizedDescription)")
            }
        }
    }

    /// The first compiler error, located in the chapter; later errors are listed after it.
    static func compileError(_ diagnostics: String, program: ChapterProgram, file: String) -> WorkbookError {
        var located: [(line: Int?, message: String)] = []
        for raw in diagnostics.split(separator: "\n") {
            let text = String(raw)
            guard let range = text.range(of: ": error: ") else { continue }
            let location = text[..<range.lowerBound]
            let message = String(text[range.upperBound...])
            let parts = location.split(separator: ":")
            if parts.count >= 3, String(parts.dropLast(2).joined(separator: ":")) == file,
                let line = Int(parts[parts.count - 2])
            {
                located.append((line, message))
            } else {
                located.append((nil, message))
            }
        }
        guard let first = located.first(where: { $0.line != nil }) ?? located.first else {
            let tail = diagnostics.split(separator: "\n").suffix(5).joined(separator: "\n")
            return WorkbookError(
                .cell, file: file, line: program.cells.first?.line,
                "the chapter's Swift cells do not compile:\n\(tail)")
        }
        var message = "cell does not compile: \(first.message)"
        let others = located.filter { $0.line != first.line || $0.message != first.message }
        if !others.isEmpty {
            let listed = others.prefix(4).map { ($0.line.map { "line \($0): " } ?? "") + $0.message }
            message += "\n  also: " + listed.joined(separator: "\n  also: ")
            if others.count > 4 { message += "\n  (\(others.count - 4) more)" }
        }
        return WorkbookError(.cell, file: file, line: first.line, message)
    }
}
