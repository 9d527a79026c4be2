/// The TeX commands the workbook's math subset understands, by kind.
enum TeXSymbols {
    /// Commands rendered as identifiers (`<mi>`).
    static let identifiers: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε",
        "zeta": "ζ", "eta": "η", "theta": "θ", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
        "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "phi": "ϕ", "varphi": "φ",
        "chi": "χ", "psi": "ψ", "omega": "ω",
        "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Pi": "Π", "Sigma": "Σ",
        "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
        "infty": "∞", "ell": "ℓ", "partial": "∂", "nabla": "∇",
    ]

    /// Commands rendered as operators (`<mo>`).
    static let operators: [String: String] = [
        "cdot": "⋅", "times": "×", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥", "ne": "≠", "neq": "≠",
        "approx": "≈", "in": "∈", "to": "→", "pm": "±", "sim": "∼", "propto": "∝", "ldots": "…",
        "cdots": "⋯", "mid": "∣", "rightarrow": "→", "leftarrow": "←", "{": "{", "}": "}", "$": "$", "%": "%",
    ]

    /// Large operators that take limits.
    static let largeOperators: [String: String] = ["sum": "∑", "prod": "∏"]

    /// Upright function names.
    static let functions: Set<String> = ["log", "ln", "exp", "max", "min", "sin", "cos", "tanh", "det", "arg"]

    /// Spacing commands and their widths.
    static let spaces: [String: String] = [
        ",": "0.1667em", ":": "0.2222em", ";": "0.2778em", " ": "0.25em",
        "quad": "1em", "qquad": "2em", "!": "0em",
    ]

    /// Commands taking a text argument rendered in an upright font.
    static let uprightText: Set<String> = ["mathrm", "operatorname"]

    /// Every command name accepted, for error messages.
    static var allCommands: [String] {
        let structural = ["frac", "sqrt", "mathrm", "operatorname", "mathbb", "text", "left", "right"]
        return
            (Array(identifiers.keys) + Array(operators.keys) + Array(largeOperators.keys) + Array(functions)
            + Array(spaces.keys) + structural).filter { $0.first?.isLetter == true }.sorted()
    }

    /// The double-struck form of an ASCII capital (`E` → `𝔼`).
    static func doubleStruck(_ character: Character) -> String {
        let special: [Character: String] = ["C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"]
        if let value = special[character] { return value }
        guard let ascii = character.asciiValue, ascii >= 65, ascii <= 90,
            let scalar = Unicode.Scalar(0x1D538 + UInt32(ascii - 65))
        else { return String(character) }
        return String(Character(scalar))
    }
}
