import WeightInit

extension StandardBenchmarks {
    /// Fills of 4096×4096 float32 and orthogonal initialisation of square matrices.
    static var initializerCases: [BenchmarkCase] {
        let fills: [(String, String, String)] = [
            ("fill-normal-4096x4096", "normal(std=1)", "N(0, 1) fill, 16.8 M float32"),
            ("fill-uniform-4096x4096", "uniform(a=0, b=1)", "U[0, 1) fill, 16.8 M float32"),
            ("fill-xavier-uniform-4096x4096", "xavier-uniform", "xavier-uniform fill, 16.8 M float32"),
            ("fill-kaiming-normal-4096x4096", "kaiming-normal", "kaiming-normal fill, 16.8 M float32"),
        ]
        var cases = fills.map { name, spec, summary in
            BenchmarkCase(name: name, summary: summary) {
                let initializer = try InitializerSpec.parse(spec).makeInitializer()
                let tensor = Box(try Tensor(shape: [4096, 4096]))
                return {
                    var stream = RandomStream(seed: 1)
                    try initializer.fill(&tensor.value, using: &stream)
                }
            }
        }
        for size in [512, 1024] {
            cases.append(
                BenchmarkCase(
                    name: "orthogonal-\(size)x\(size)", summary: "orthogonal init (Householder QR) of \(size)×\(size)"
                ) {
                    let tensor = Box(try Tensor(shape: [size, size]))
                    let initializer = try OrthogonalInitializer()
                    return {
                        var stream = RandomStream(seed: 1)
                        try initializer.fill(&tensor.value, using: &stream)
                    }
                })
        }
        return cases
    }
}
