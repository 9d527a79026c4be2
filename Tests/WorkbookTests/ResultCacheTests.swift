import Experiments
import Foundation
import Testing

@testable import Workbook

@Suite("Result cache")
struct ResultCacheTests {
    @Test("SHA-256 matches the FIPS 180-4 examples")
    func sha256() {
        #expect(
            SHA256.hexDigest(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hexDigest([UInt8]()) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(
            SHA256.hexDigest(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
    }

    /// The sample repository plus the module folders whose sources form the code version.
    static func cachedRepository() throws -> URL {
        let root = try TestSupport.sampleRepository()
        for module in SiteBuilder.resultModules {
            let folder = root.appendingPathComponent("Sources/\(module)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("// \(module)\n".utf8).write(to: folder.appendingPathComponent("Code.swift"))
        }
        return root
    }

    @Test("a cached rebuild runs nothing and writes byte-identical files")
    func cachedBuildIsIdentical() throws {
        let root = try Self.cachedRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        var builder = TestSupport.builder(root)
        builder.usesCache = true
        let first = try builder.build()
        let firstFiles = try TestSupport.snapshot(root.appendingPathComponent("site"))
        let second = try builder.build()
        #expect(first.chapters.map(\.experimentsCached).reduce(0, +) == 0)
        #expect(second.chapters.map(\.experimentsRun).reduce(0, +) == 0)
        #expect(
            second.chapters.map(\.experimentsCached).reduce(0, +) == first.chapters.map(\.experimentsRun).reduce(0, +))
        #expect(try TestSupport.snapshot(root.appendingPathComponent("site")) == firstFiles)
    }

    @Test("changing the code, a parameter or the seed changes the key")
    func keysDependOnInputs() throws {
        let root = try Self.cachedRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let experiment = try testRegistry.experiment(named: testRegistry.names[0])
        let cache = try #require(
            ResultCache(
                codeFolders: SiteBuilder.resultCodeFolders(repositoryRoot: root),
                directory: root.appendingPathComponent(".workbook-cache")))
        let defaults = try experiment.resolve([])
        let other = try experiment.resolve([("depth", "4")])
        let reseeded = try experiment.resolve([("seed", "2")])
        #expect(
            cache.key(experiment: experiment.name, values: defaults)
                == cache.key(experiment: experiment.name, values: defaults))
        #expect(
            cache.key(experiment: experiment.name, values: defaults)
                != cache.key(experiment: experiment.name, values: other))
        #expect(
            cache.key(experiment: experiment.name, values: defaults)
                != cache.key(experiment: experiment.name, values: reseeded))
        try Data("// changed\n".utf8).write(to: root.appendingPathComponent("Sources/NetLab/Code.swift"))
        let changed = try #require(
            ResultCache(
                codeFolders: SiteBuilder.resultCodeFolders(repositoryRoot: root),
                directory: root.appendingPathComponent(".workbook-cache")))
        #expect(changed.codeVersion != cache.codeVersion)
        #expect(
            changed.key(experiment: experiment.name, values: defaults)
                != cache.key(experiment: experiment.name, values: defaults))
    }

    @Test("a corrupt entry is recomputed, not trusted")
    func corruptEntry() throws {
        let root = try Self.cachedRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        var builder = TestSupport.builder(root)
        builder.usesCache = true
        try builder.build()
        let expected = try TestSupport.snapshot(root.appendingPathComponent("site"))
        let cacheFolder = root.appendingPathComponent(".workbook-cache")
        for entry in try FileManager.default.contentsOfDirectory(atPath: cacheFolder.path)
        where entry.hasSuffix(".json") {
            try Data("{not json".utf8).write(to: cacheFolder.appendingPathComponent(entry))
        }
        let report = try builder.build()
        #expect(report.chapters.map(\.experimentsCached).reduce(0, +) == 0)
        #expect(try TestSupport.snapshot(root.appendingPathComponent("site")) == expected)
    }

    @Test("a stored result loads back equal: integers stay integers, non-finite reals survive")
    func storedResultLoadsBackExactly() throws {
        let root = try Self.cachedRepository()
        defer { try? FileManager.default.removeItem(at: root) }
        let cache = try #require(
            ResultCache(
                codeFolders: SiteBuilder.resultCodeFolders(repositoryRoot: root),
                directory: root.appendingPathComponent(".workbook-cache")))
        let table = ResultTable(
            name: "t", columns: ["n", "x", "y", "z"],
            rows: [
                [.integer(3), .number(3), .missing, .number(.infinity)],
                [.text("a"), .number(-0.5), .text(""), .integer(0)],
            ])
        let series = ResultSeries(
            group: "loss", label: "a", xLabel: "epoch", yLabel: "loss", x: [1, 2], y: [0.5, 0.1],
            divergedAt: 3)
        let histogram = ResultHistogram(group: "h", label: "a", panel: "p", edges: [0, 1], counts: [2])
        let result = ExperimentResult(
            experiment: "e", parameters: [ParameterSetting(name: "seed", value: "1")],
            tables: [table, ResultTable(name: "empty", columns: ["a"])], series: [series],
            histograms: [histogram], notes: ["n"])
        cache.store(result, key: "entry")
        #expect(cache.load("entry") == result)
        #expect(cache.load("absent") == nil)
    }
}
