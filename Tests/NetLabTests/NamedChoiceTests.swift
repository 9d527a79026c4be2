import NetLab
import Testing

/// ``NamedChoice``: one `init(name:)` for the options chosen by name (data sets, optimisers).
@Suite struct NamedChoiceTests {
    @Test func everyNameRoundTripsIgnoringCase() throws {
        for kind in DatasetKind.allCases {
            #expect(try DatasetKind(name: kind.rawValue) == kind)
            #expect(try DatasetKind(name: kind.rawValue.uppercased()) == kind)
        }
        for kind in OptimizerKind.allCases {
            #expect(try OptimizerKind(name: kind.rawValue) == kind)
            #expect(try OptimizerKind(name: kind.rawValue.capitalized) == kind)
        }
        #expect(DatasetKind.names == ["digits", "spirals", "circles", "teacher", "gaussian"])
        #expect(OptimizerKind.names == ["sgd", "momentum", "adam"])
    }

    @Test func unknownNameIsQuotedAsGivenWithEveryValidChoice() {
        #expect(throws: NetLabError.unknownName(kind: "dataset", name: "MNIST", valid: DatasetKind.names)) {
            try DatasetKind(name: "MNIST")
        }
        #expect(throws: NetLabError.unknownName(kind: "optimizer", name: "rmsprop", valid: OptimizerKind.names)) {
            try OptimizerKind(name: "rmsprop")
        }
        do {
            _ = try OptimizerKind(name: "rmsprop")
            Issue.record("expected an error")
        } catch {
            #expect(error.description == "unknown optimizer 'rmsprop'; valid: sgd, momentum, adam")
        }
    }

    @Test func emptyNameIsRefused() {
        #expect(throws: NetLabError.unknownName(kind: "dataset", name: "", valid: DatasetKind.names)) {
            try DatasetKind(name: "")
        }
    }
}
