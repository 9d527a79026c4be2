import NetLab
import Testing
import WeightInit

/// ``TeacherRegression``: targets come from the teacher network, and a teacher that cannot be
/// built is an error, not a data set of zeros.
@Suite struct TeacherRegressionTests {
    @Test func targetsAreTheTeachersOutputsWithUnitScale() throws {
        let split = try TeacherRegression.split(train: 400, test: 100, stream: RandomStream(seed: 5))
        #expect(split.train.count == 400 && split.test.count == 100 && split.train.features == 16)
        guard case .values(let targets) = split.train.targets else {
            Issue.record("regression targets expected")
            return
        }
        #expect(targets.columns == 1)
        let statistics = SampleStatistics(targets.scalars)
        // Var(t) ≈ 1 by construction; all-zero targets (the old failure mode) would give 0.
        #expect(statistics.variance > 0.25 && statistics.variance < 4)
        #expect(try TeacherRegression.split(train: 400, test: 100, stream: RandomStream(seed: 5)) == split)
    }

    @Test func anInvalidTeacherIsReportedNotZeroed() {
        let positive = "a positive integer"
        #expect(throws: NetLabError.invalidConfiguration(name: "width", value: "0", expected: positive)) {
            try TeacherRegression.split(hidden: 0, stream: RandomStream(seed: 5))
        }
        #expect(throws: NetLabError.invalidConfiguration(name: "inputWidth", value: "0", expected: positive)) {
            try TeacherRegression.split(features: 0, stream: RandomStream(seed: 5))
        }
    }

    @Test func dataKindLoadsTheTeacherAndWrapsFileErrorsVerbatim() throws {
        let teacher = try DatasetKind.teacher.load(stream: RandomStream(seed: 6))
        #expect(teacher == (try TeacherRegression.split(stream: RandomStream(seed: 6))))
        let fileError = DigitsError.malformedLine(
            file: "digits.csv", line: 3,
            reason: "label 'x' is not an integer in 0...9")
        #expect(NetLabError.dataFile(fileError).description == fileError.description)
    }
}
