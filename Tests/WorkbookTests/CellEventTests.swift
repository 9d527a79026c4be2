import Experiments
import Foundation
import Notebook
import Testing

/// The Swift-cell protocol carries a cell's result in its lossless `Codable` form.
@Suite("Cell protocol")
struct CellEventTests {
    @Test("an end event round-trips with its result exact")
    func endEventRoundTrips() throws {
        let table = ResultTable(
            name: "values", columns: ["n", "square", "root"],
            rows: [
                [.integer(3), .number(9), .number(1.7320508075688772)], [.integer(0), .number(0), .missing],
            ])
        let result = ExperimentResult(
            experiment: "cell", parameters: [ParameterSetting(name: "n", value: "3")],
            tables: [table], notes: ["a note"])
        var record = CellRecord(
            index: 2, id: "squares",
            parameters: [
                CellParameter(name: "n", value: "3", defaultValue: "4", help: "how many")
            ], result: result)
        record.checks = [CheckResult(passed: false, message: "expected 4")]
        let events: [CellEvent] = [
            .started(program: "key"), .begin(index: 2), .end(record), .failed(index: 1, message: "m"),
        ]
        for event in events {
            let line = try ResultCoding.encoder().encode(event)
            #expect(!line.contains(UInt8(ascii: "\n")), "one event per line")
            #expect(try ResultCoding.decoder().decode(CellEvent.self, from: line) == event)
        }
        let line = try ResultCoding.encoder().encode(CellEvent.end(record))
        let decoded = try ResultCoding.decoder().decode(CellEvent.self, from: line)
        guard case .end(let back) = decoded else {
            Issue.record("not an end event: \(decoded)")
            return
        }
        #expect(back.result.tables[0].rows[0][1] == .number(9), "a real 9 is not read back as an integer")
    }
}
