import ArgumentParser
import WeightInit

/// `workbook gain NONLINEARITY [--param A]`: the recommended gain, as `torch.nn.init.calculate_gain`.
struct GainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gain",
        abstract: "Print the recommended gain of a nonlinearity (as torch.nn.init.calculate_gain).",
        discussion:
            "Nonlinearities: \(Nonlinearity.names.joined(separator: ", ")). Example: workbook gain leaky_relu "
            + "--param 0.2"
    )

    @Argument(help: "The nonlinearity, e.g. relu, tanh, leaky_relu.")
    var nonlinearity: String

    @Option(
        parsing: .unconditional,
        help:
            "Negative slope for leaky_relu (default \(Nonlinearity.defaultNegativeSlope)); `--param -0.2` is accepted.")
    var param: Double?

    func run() throws {
        print(try Nonlinearity(name: nonlinearity, parameter: param).gain)
    }
}
