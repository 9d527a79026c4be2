// swift-tools-version: 6.0
import PackageDescription

/// Data flows one way: CKernels → WeightInit → NetLab → Experiments → Notebook → Workbook → Preview → workbook (CLI).
/// CKernels (C: matrix products, activations, reductions, the normal sampler) sits under WeightInit and NetLab;
/// CCmark (libcmark) is used by Workbook only; Benchmarks sits between Workbook and the CLI. Each target lists
/// exactly the modules it imports.
let package = Package(
    name: "InitializationWorkbook",
    products: [
        .executable(name: "workbook", targets: ["WorkbookCLI"]),
        .library(name: "WeightInit", targets: ["WeightInit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "WeightInit", dependencies: ["CKernels"]),
        // C kernels with one instruction sequence on every ISA path (explicit FMAs only), so every path is bit-identical.
        .target(name: "CKernels",
                cSettings: [.unsafeFlags(["-ffp-contract=off", "-Wno-psabi"])]),
        .target(
            name: "NetLab",
            dependencies: ["WeightInit", "CKernels"],
            exclude: ["Resources/DIGITS-LICENSE.md"],
            resources: [.copy("Resources/digits.csv")]
        ),
        .target(name: "Experiments", dependencies: ["WeightInit", "NetLab"]),
        // The API chapter cells use (parameters, tables, plots) and the protocol to the renderer.
        .target(name: "Notebook", dependencies: ["WeightInit", "NetLab", "Experiments"]),
        .target(name: "Workbook", dependencies: ["CCmark", "WeightInit", "Experiments", "Notebook"]),
        // `workbook serve`: the site on localhost, rebuilt on save, pages reloaded.
        .target(name: "Preview", dependencies: ["Workbook", .product(name: "FlyingFox", package: "FlyingFox")]),
        .target(name: "Benchmarks", dependencies: ["WeightInit", "NetLab", "Experiments", "Workbook"]),
        .executableTarget(
            name: "WorkbookCLI",
            dependencies: [
                "WeightInit", "Experiments", "Workbook", "Benchmarks", "Preview", "CKernels",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "WeightInitTests", dependencies: ["WeightInit", "CKernels"]),
        .testTarget(name: "PreviewTests", dependencies: ["Preview", "Workbook", "Experiments"]),
        // Runs the built `workbook` executable, as a user would (WeightInit to compute the expected output).
        .testTarget(name: "WorkbookCLITests", dependencies: ["WeightInit"]),
        .testTarget(name: "NetLabTests", dependencies: ["NetLab", "WeightInit"]),
        .testTarget(name: "ExperimentsTests", dependencies: ["Experiments", "NetLab", "WeightInit"]),
        .testTarget(
            name: "WorkbookTests",
            dependencies: ["Workbook", "Experiments", "WeightInit", "Notebook", "CCmark"],
            resources: [.copy("Fixtures")]
        ),
    ],
    swiftLanguageModes: [.v6]
)
