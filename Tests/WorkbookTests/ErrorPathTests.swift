import Foundation
import Testing

@testable import Workbook

@Suite("Error paths")
struct ErrorPathTests {
    /// A chapter body and the error it must produce.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var kind: WorkbookError.Kind
        var line: Int?
        var mentions: [String]
        var testDescription: String { name }
    }

    static let header = "---\ntitle: Bad\norder: 1\ntime: 5 min\nobjectives:\n  - Learn\n---\n"  // 7 lines

    static let cases: [Case] = [
        Case(
            name: "no title", text: "Prose without a heading.\n", kind: .frontMatter, line: 1,
            mentions: ["no title", "# Title"]),
        Case(
            name: "unknown front matter key", text: "---\ntitle: T\nauthor: me\n---\n", kind: .frontMatter, line: 3,
            mentions: ["author", "title, order, time, objectives, summary"]),
        Case(
            name: "order not an integer", text: "---\ntitle: T\norder: three\ntime: 1\nobjectives:\n  - a\n---\n",
            kind: .frontMatter, line: 3, mentions: ["three"]),
        Case(
            name: "empty objectives", text: "---\ntitle: T\norder: 1\nobjectives:\n---\n", kind: .frontMatter, line: 5,
            mentions: ["objectives"]),
        Case(name: "missing title", text: "---\norder: 1\n---\n", kind: .frontMatter, line: 3, mentions: ["title"]),
        Case(
            name: "misspelt display key", text: header + "\n```experiment fake-stats\nid: a\ntabel: layers\n```\n",
            kind: .parameter, line: 11,
            mentions: ["no parameter 'tabel'", "display keys: table, plot, histograms, bars, caption, hide, id"]),
        Case(
            name: "misspelt cell option", text: header + "\n```swift\n//| captoin: x\nprint(1)\n```\n", kind: .cell,
            line: 10,
            mentions: ["unknown cell option 'captoin'", "caption"]),
        Case(
            name: "unknown experiment", text: header + "\n```experiment nope\nid: a\n```\n", kind: .experiment, line: 9,
            mentions: ["unknown experiment 'nope'", "fake-stats"]),
        Case(
            name: "missing id", text: header + "\n```experiment fake-stats\ndepth: 2\n```\n", kind: .experiment,
            line: 9, mentions: ["id"]),
        Case(
            name: "duplicate id",
            text: header + "\n```experiment fake-stats\nid: a\n```\n\n```experiment fake-stats\nid: a\n```\n",
            kind: .experiment, line: 13, mentions: ["line 9"]),
        Case(
            name: "unknown parameter", text: header + "\n```experiment fake-stats\nid: a\ndepth: 2\nwidht: 3\n```\n",
            kind: .parameter, line: 12,
            mentions: ["widht", "init, depth, activation, seed"]),
        Case(
            name: "invalid parameter value",
            text: header + "\n```experiment fake-stats\nid: a\nactivation: softmax\n```\n", kind: .parameter, line: 11,
            mentions: ["softmax", "tanh, relu"]),
        Case(
            name: "unknown table", text: header + "\n```experiment fake-stats\nid: a\ntable: nope\n```\n",
            kind: .display, line: 11,
            mentions: ["nope", "layers, summary"]),
        Case(
            name: "unknown plot group", text: header + "\n```experiment fake-stats\nid: a\nplot: loss\n```\n",
            kind: .display, line: 11,
            mentions: ["loss", "std"]),
        Case(
            name: "unknown column, checked before the experiment runs",
            text: header + "\n```experiment failing\nid: a\ntable: nope columns=x\n```\n", kind: .display, line: 11,
            mentions: ["experiment 'failing' (id a) has no table 'nope'"]),
        Case(
            name: "unknown column in a declared table",
            text: header + "\n```experiment fake-stats\nid: a\nbars: layers x=init y=mean\n```\n",
            kind: .display, line: 11, mentions: ["has no column 'mean' in table 'layers'", "init, layer, std"]),
        Case(
            name: "unknown histogram group",
            text: header + "\n```experiment fake-stats\nid: a\nhistograms: weights\n```\n",
            kind: .display, line: 11, mentions: ["no histogram group 'weights'", "activations"]),
        Case(
            name: "failing experiment", text: header + "\n```experiment failing\nid: a\n```\n", kind: .run, line: 9,
            mentions: ["always fails"]),
        Case(
            name: "bad inline reference id",
            text: header + "\nText\nmore `=zz.layers.std@max` here.\n\n```experiment fake-stats\nid: a\n```\n",
            kind: .reference, line: 10, mentions: ["zz", "ids in this chapter: a"]),
        Case(
            name: "inline reference matching several rows",
            text: header + "\n```experiment fake-stats\nid: a\n```\n\nSee `=a.layers[layer=1].std`.\n",
            kind: .reference, line: 13, mentions: ["2 rows"]),
        Case(
            name: "inline reference to a missing value",
            text: header
                + "\n```experiment fake-stats\nid: a\ninit: kaiming-normal\n```\n\nSee `=a.layers[layer=3].std`.\n",
            kind: .reference, line: 14, mentions: ["missing", "|text"]),
        Case(
            name: "unknown format",
            text: header + "\n```experiment fake-stats\nid: a\n```\n\nSee `=a.layers.std@max|sci`.\n",
            kind: .reference, line: 13, mentions: ["sci", "sig1"]),
        Case(
            name: "false check claim",
            text: header
                + "\n```experiment fake-stats\nid: a\n```\n\n```claim\ntext: Tiny.\ncheck: "
                + "a.layers[init=xavier-normal, layer=1].std < 0.5\n```\n",
            kind: .claim, line: 15, mentions: ["claim is false", "0.9", "< 0.5"]),
        Case(
            name: "false variance claim",
            text: header
                + "\n```claim\ntext: Wrong.\nvariance: xavier-uniform shape=64x128 expected=1 within=5 seed=3\n```\n",
            kind: .claim, line: 11, mentions: ["claim is false", "s² = ", "standard errors"]),
        Case(
            name: "source path escaping the repository",
            text: header + "\n```source\nfile: ../../etc/passwd\nlines: 1-2\n```\n",
            kind: .source, line: 10, mentions: ["../../etc/passwd", "Sources/"]),
        Case(
            name: "absolute source path", text: header + "\n```source\nfile: /etc/passwd\nlines: 1-2\n```\n",
            kind: .source, line: 10, mentions: ["/etc/passwd"]),
        Case(
            name: "source path with dot-dot inside Sources",
            text: header + "\n```source\nfile: Sources/../../etc/passwd\nlines: 1-2\n```\n",
            kind: .source, line: 10, mentions: ["Sources/../../etc/passwd"]),
        Case(
            name: "unknown symbol", text: header + "\n```source\nfile: Sources/Demo/A.swift\nsymbol: func nope\n```\n",
            kind: .source, line: 10, mentions: ["nope"]),
        // A lone "$x" is a dollar sign under Pandoc's rule (MathTests); an unclosed "$$" is still an error.
        Case(
            name: "unterminated one-line display math", text: header + "\nline one\nprice $$x + y is open\n",
            kind: .math, line: 10, mentions: ["unterminated display"]),
        Case(
            name: "undefined footnote", text: header + "\nText[^1] and more[^2].\n\n[^1]: One.\n", kind: .markdown,
            line: 9, mentions: ["[^2]", "defined footnotes: [^1]"]),
        Case(
            name: "unknown callout", text: header + "\n> [!CAVEAT]\n> Text.\n", kind: .markdown, line: 9,
            mentions: ["[!CAVEAT]", "[!NOTE], [!TIP], [!WARNING]"]),
        Case(
            name: "unterminated display math", text: header + "\nText\n\n$$\nx^2\n", kind: .math, line: 11,
            mentions: ["unterminated display"]),
        Case(
            name: "unknown TeX command", text: header + "\nSee $\\foo{x}$.\n", kind: .math, line: 9,
            mentions: ["\\foo", "\\frac"]),
        Case(
            name: "exercise without solution", text: header + "\n```exercise\nQuestion?\n--- hint\nHint.\n```\n",
            kind: .exercise, line: 9, mentions: ["solution"]),
        Case(
            name: "bad display option", text: header + "\n```experiment fake-stats\nid: a\nplot: std log-z\n```\n",
            kind: .display, line: 11, mentions: ["log-z", "log-x, log-y"]),
    ]

    @Test("errors name file and line, and leave the old site untouched", arguments: cases)
    func errorPath(_ testCase: Case) throws {
        let root = try TestSupport.emptyRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let site = root.appendingPathComponent("site")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: site.appendingPathComponent("index.html"))
        try Data(testCase.text.utf8).write(to: root.appendingPathComponent("Chapters/01-bad.md"))

        let error = #expect(throws: WorkbookError.self) { try TestSupport.builder(root).build() }
        let caught = try #require(error)
        #expect(caught.file == "Chapters/01-bad.md")
        #expect(caught.line == testCase.line, "\(caught)")
        #expect(caught.kind == testCase.kind, "\(caught)")
        for text in testCase.mentions {
            #expect(caught.description.contains(text), "'\(caught)' should mention '\(text)'")
        }
        if let line = testCase.line {
            #expect(caught.description.hasPrefix("Chapters/01-bad.md:\(line): "))
        }
        // The old site is untouched and nothing half-written remains.
        #expect(try TestSupport.snapshot(site) == ["index.html": Data("old".utf8)])
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "leftovers: \(leftovers)")
    }

    @Test("a symbolic link out of Sources is refused")
    func symlinkOut() throws {
        let root = try TestSupport.emptyRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("Sources/Demo/passwd.swift").path,
            withDestinationPath: "/etc/passwd")
        let text = Self.header + "\n```source\nfile: Sources/Demo/passwd.swift\nlines: 1-2\n```\n"
        try Data(text.utf8).write(to: root.appendingPathComponent("Chapters/01-bad.md"))
        let error = #expect(throws: WorkbookError.self) { try TestSupport.builder(root).build() }
        #expect(error?.kind == .source)
        #expect(error?.line == 10)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("site").path))
    }

    /// A `source` block path that must be refused, and how to prepare the repository for it.
    struct EscapingPath: Sendable, CustomTestStringConvertible {
        var name: String
        var path: String
        /// Symbolic links to create: (path relative to the repository, destination).
        var links: [(String, String)] = []
        var testDescription: String { name }
    }

    static let escapingPaths: [EscapingPath] = [
        EscapingPath(name: "parent directories", path: "../../etc/passwd"),
        EscapingPath(name: "absolute path", path: "/etc/passwd"),
        EscapingPath(name: "dot-dot inside Sources", path: "Sources/../../x"),
        EscapingPath(name: "dot-dot back into Sources", path: "Sources/Demo/../Demo/A.swift"),
        EscapingPath(name: "a dot component", path: "Sources/./Demo/A.swift"),
        EscapingPath(name: "home directory", path: "~/.ssh/id_rsa"),
        EscapingPath(name: "file URL", path: "file:///etc/passwd"),
        EscapingPath(name: "backslashes", path: "Sources\\..\\..\\etc\\passwd"),
        EscapingPath(name: "Sources alone", path: "Sources"),
        EscapingPath(name: "trailing slash", path: "Sources/Demo/"),
        EscapingPath(name: "outside Sources, inside the repository", path: "Chapters/01-bad.md"),
        EscapingPath(
            name: "a symbolic link to a file outside", path: "Sources/Demo/passwd.swift",
            links: [("Sources/Demo/passwd.swift", "/etc/passwd")]),
        EscapingPath(
            name: "a symbolic link to a folder outside", path: "Sources/Etc/passwd", links: [("Sources/Etc", "/etc")]),
        EscapingPath(
            name: "a relative symbolic link out of Sources", path: "Sources/Demo/chapter.swift",
            links: [("Sources/Demo/chapter.swift", "../../Chapters/01-bad.md")]),
        EscapingPath(
            name: "a symbolic link to a sibling whose name starts with Sources", path: "Sources/Demo/evil.swift",
            links: [("Sources/Demo/evil.swift", "../../Sources-evil/x.swift")]),
    ]

    @Test("source paths that leave Sources/ are refused and the previous site survives", arguments: escapingPaths)
    func escapingSourcePath(_ escaping: EscapingPath) throws {
        let root = try TestSupport.emptyRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("Sources-evil"), withIntermediateDirectories: true)
        try Data("let secret = 1\n".utf8).write(to: root.appendingPathComponent("Sources-evil/x.swift"))
        for (link, destination) in escaping.links {
            try manager.createSymbolicLink(
                atPath: root.appendingPathComponent(link).path, withDestinationPath: destination)
        }
        let site = root.appendingPathComponent("site")
        try manager.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("old".utf8).write(to: site.appendingPathComponent("index.html"))
        let text = Self.header + "\n```source\nfile: \(escaping.path)\nlines: 1-1\n```\n"
        try Data(text.utf8).write(to: root.appendingPathComponent("Chapters/01-bad.md"))

        let error = #expect(throws: WorkbookError.self) { try TestSupport.builder(root).build() }
        #expect(error?.kind == .source, "\(String(describing: error))")
        #expect(error?.line == 10)
        #expect(error?.description.contains(escaping.path) == true, "\(String(describing: error))")
        #expect(error?.description.contains("Sources/") == true)
        #expect(try TestSupport.snapshot(site) == ["index.html": Data("old".utf8)])
        let leftovers = try manager.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "leftovers: \(leftovers)")
    }

    @Test("a bad --set override names the valid ids")
    func badOverride() throws {
        let root = try TestSupport.sampleRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let chapter = root.appendingPathComponent("Chapters/01-sample.md")
        let error = #expect(throws: WorkbookError.self) {
            try TestSupport.builder(root).renderChapter(
                chapter, overrides: [("demo.depht", "4")], output: root.appendingPathComponent("out"))
        }
        #expect(error?.kind == .override)
        #expect(error?.description.contains("depht") == true)
        #expect(error?.description.contains("init, depth, activation, seed") == true)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("out").path))
    }
}
