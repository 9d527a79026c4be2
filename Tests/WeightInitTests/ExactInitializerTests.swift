import Testing
import WeightInit

@Suite("Deterministic initialisers are exact")
struct ExactInitializerTests {
    @Test("zeros, ones, constant")
    func constants() throws {
        var stream = RandomStream(seed: 0)
        #expect(
            try ConstantInitializer.zeros.makeTensor(shape: [7, 3, 2], using: &stream).scalars.allSatisfy { $0 == 0 })
        #expect(try ConstantInitializer.ones.makeTensor(shape: [4, 5], using: &stream).scalars.allSatisfy { $0 == 1 })
        let constant = try InitializerSpec.parse("constant(value=-0.25)").makeInitializer()
        #expect(try constant.makeTensor(shape: [3, 9], using: &stream).scalars.allSatisfy { $0 == -0.25 })
    }

    @Test("eye is the identity on the leading square block", arguments: [[4, 4], [3, 5], [5, 3]])
    func eye(shape: [Int]) throws {
        var stream = RandomStream(seed: 0)
        let tensor = try EyeInitializer().makeTensor(shape: shape, using: &stream)
        for r in 0..<shape[0] {
            for c in 0..<shape[1] { #expect(tensor[r, c] == (r == c ? 1 : 0)) }
        }
    }

    @Test("dirac puts a 1 at the kernel centre of matching channels")
    func dirac() throws {
        var stream = RandomStream(seed: 0)
        let shape = [4, 2, 3, 5]  // out 4, in 2, kernel 3×5, centre (1, 2)
        let tensor = try DiracInitializer(groups: 2).makeTensor(shape: shape, using: &stream)
        // groups 2 → 2 output channels per group; d < min(2, 2) → ones at (0,0), (1,1), (2,0), (3,1).
        var ones: [[Int]] = []
        for o in 0..<4 {
            for i in 0..<2 {
                for h in 0..<3 {
                    for w in 0..<5 {
                        if tensor.scalars[((o * 2 + i) * 3 + h) * 5 + w] != 0 { ones.append([o, i, h, w]) }
                    }
                }
            }
        }
        #expect(ones == [[0, 0, 1, 2], [1, 1, 1, 2], [2, 0, 1, 2], [3, 1, 1, 2]])
        #expect(tensor.scalars.allSatisfy { $0 == 0 || $0 == 1 })
    }

    @Test("sparse zeroes ⌈sparsity·rows⌉ entries in every column", arguments: [0.0, 0.1, 0.55, 1.0])
    func sparse(sparsity: Double) throws {
        let initializer = try SparseInitializer(sparsity: sparsity, std: 0.5)
        var stream = RandomStream(seed: 8)
        let tensor = try initializer.makeTensor(shape: [40, 30], using: &stream)
        let expected = Int((sparsity * 40).rounded(.up))
        for c in 0..<30 {
            let zeros = (0..<40).filter { tensor[$0, c] == 0 }.count
            #expect(zeros == expected)
        }
    }
}
