import Experiments
import Foundation
import Testing

/// The lossless machine form of ``ExperimentResult``: its `Codable` conformance written and read with
/// ``ResultCoding``, as the result cache and the Swift-cell protocol use it.
@Suite("Result coding")
struct ResultCodingTests {
    /// A result with every cell kind, an empty table, a table without columns, series with and without
    /// `divergedAt` (one with no points), histograms (one with non-finite edges) and awkward text.
    static let everything = ExperimentResult(
        experiment: "every-kind",
        parameters: [
            ParameterSetting(name: "init", value: "[normal(std=0.01), xavier-normal]"),
            ParameterSetting(name: "seed", value: "1"),
        ],
        tables: [
            ResultTable(
                name: "cells", columns: ["text", "integer", "number", "missing"],
                rows: [
                    [.text("xavier-normal"), .integer(3), .number(3), .missing],
                    [.text(""), .integer(-7), .number(0.1), .missing],
                    [.text("a, \"quoted\"\r\nline <b> \u{1}é"), .integer(Int.max), .number(-2.5e-300), .number(1e300)],
                    [.text("3"), .integer(Int.min), .number(.infinity), .number(-.infinity)],
                    [.text("null"), .integer(0), .number(-0.0), .number(.leastNonzeroMagnitude)],
                ]),
            ResultTable(name: "empty", columns: ["a", "b"]),
            ResultTable(name: "no_columns", columns: []),
        ],
        series: [
            ResultSeries(
                group: "loss", label: "kaiming-normal", xLabel: "epoch", yLabel: "loss",
                x: [1, 2, 3], y: [0.5, 0.25, 1e-12], divergedAt: 4),
            ResultSeries(
                group: "loss", label: "xavier-normal", xLabel: "epoch", yLabel: "loss",
                x: [1, 2], y: [0.5, 0.4]),
            ResultSeries(group: "std", label: "empty", xLabel: "layer", yLabel: "std", x: [], y: [], divergedAt: 1),
        ],
        histograms: [
            ResultHistogram(
                group: "activations", label: "orthogonal", panel: "layer 1",
                edges: [-1, -0.5, 0, 0.5, 1], counts: [0, 3, 5, 1]),
            ResultHistogram(
                group: "activations", label: "wide", panel: "layer 2",
                edges: [-.infinity, .infinity], counts: [7]),
            ResultHistogram(group: "empty", label: "", panel: "", edges: [], counts: []),
        ],
        notes: ["kaiming-normal diverged at step 4", ""]
    )

    static func roundTrip<Value: Codable>(_ value: Value) throws -> Value {
        try ResultCoding.decoder().decode(Value.self, from: ResultCoding.encoder().encode(value))
    }

    static func json<Value: Encodable>(_ value: Value) throws -> String {
        String(decoding: try ResultCoding.encoder().encode(value), as: UTF8.self)
    }

    @Test("a result with every kind of content round-trips to an equal value")
    func everythingRoundTrips() throws {
        let decoded = try Self.roundTrip(Self.everything)
        #expect(decoded == Self.everything)
        #expect(decoded.tables[0].rows[0][2] == .number(3), "a real 3 stays a real")
        #expect(decoded.tables[0].rows[0][1] == .integer(3), "an integer 3 stays an integer")
        #expect(decoded.series.map(\.divergedAt) == [4, nil, 1])
        #expect(decoded.tables[1].rows.isEmpty && decoded.tables[1].columns == ["a", "b"])
        #expect(try Self.json(decoded) == Self.json(Self.everything), "the coding is symmetric")
    }

    @Test("every Double keeps its bits, non-finite ones included")
    func numbersKeepTheirBits() throws {
        let values: [Double] = [
            0, -0.0, 1, 0.1, 1.0 / 3, -2.5e-300, .leastNonzeroMagnitude, .greatestFiniteMagnitude,
            .infinity, -.infinity, 12, 1e15, 4_503_599_627_370_497,
        ]
        for value in values {
            guard case .number(let decoded) = try Self.roundTrip(ResultCell.number(value)) else {
                Issue.record("\(value) did not decode as a number")
                continue
            }
            #expect(decoded.bitPattern == value.bitPattern, "\(value)")
        }
        guard case .number(let nan) = try Self.roundTrip(ResultCell.number(.nan)) else {
            Issue.record("NaN did not decode as a number")
            return
        }
        #expect(nan.isNaN)
        let edges: [Double] = [.nan, -.infinity, .infinity]
        let wide = ResultHistogram(group: "g", label: "l", panel: "p", edges: edges, counts: [1, 2])
        let histogram = try Self.roundTrip(wide)
        #expect(histogram.edges[0].isNaN && histogram.edges[1] == -.infinity && histogram.edges[2] == .infinity)
    }

    @Test("each cell kind is tagged by one key; missing is null")
    func taggedForm() throws {
        #expect(
            try Self.json([ResultCell.number(3), .integer(3), .text("3"), .missing])
                == #"[{"number":3},{"integer":3},{"text":"3"},null]"#)
        #expect(
            try Self.json([ResultCell.number(.nan), .number(.infinity), .number(-.infinity)])
                == #"[{"number":"nan"},{"number":"inf"},{"number":"-inf"}]"#)
        let text = #"[{"number":0.5},{"integer":-2},{"text":"a\"b"},null]"#
        let decoded = try ResultCoding.decoder().decode([ResultCell].self, from: Data(text.utf8))
        #expect(decoded == [.number(0.5), .integer(-2), .text("a\"b"), .missing])
        #expect(try Self.json(decoded) == text)
    }

    @Test(
        "a cell without exactly one known tag, or with a value of the wrong kind, is refused",
        arguments: [
            #"3"#, #""3""#, #"{}"#, #"{"real":3}"#, #"{"text":"a","integer":1}"#,
            #"{"integer":1.5}"#, #"{"integer":"1"}"#, #"{"number":"x"}"#, #"{"text":3}"#, #"[1]"#,
        ])
    func corruptCellsAreRefused(text: String) {
        #expect(throws: DecodingError.self) {
            try ResultCoding.decoder().decode(ResultCell.self, from: Data(text.utf8))
        }
    }

    @Test("a default JSONEncoder refuses a non-finite number rather than lose it")
    func defaultEncoderRefusesNonFinite() {
        #expect(throws: EncodingError.self) { try JSONEncoder().encode(ResultCell.number(.infinity)) }
        let finite = ExperimentResult(
            experiment: "e", parameters: [],
            tables: [ResultTable(name: "t", columns: ["x"], rows: [[.number(2)]])])
        #expect(throws: Never.self) {
            let decoded = try JSONDecoder().decode(ExperimentResult.self, from: JSONEncoder().encode(finite))
            #expect(decoded == finite)
        }
    }
}
