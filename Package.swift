// swift-tools-version:6.0
import PackageDescription

/// A module of the compiler: its README.md describes it and is not a source.
func module(_ name: String, _ dependencies: [Target.Dependency] = []) -> Target {
    .target(name: name, dependencies: dependencies, exclude: ["README.md"])
}

/// mcplan / mcapply: a declarative GitOps compiler for Linkerd multicluster.
/// Stages flow one way: YAML → topology → validation → render → plan → store.
let package = Package(
    name: "mcplan",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "mcplan", targets: ["mcplan"]),
        .executable(name: "mcapply", targets: ["mcapply"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-certificates", from: "1.21.1"),
        .package(url: "https://github.com/apple/swift-asn1", from: "1.7.4"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibYAML", path: "Sources/CLibYAML", pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]),
        .systemLibrary(
            name: "CGit2", path: "Sources/CGit2", pkgConfig: "libgit2",
            providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(
            name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]),

        module("MCBasics", [.product(name: "Crypto", package: "swift-crypto")]),
        module("MCDiagnostics", ["MCBasics"]),
        module("MCYAML", ["CLibYAML", "MCDiagnostics"]),
        module("MCGit", ["CGit2", "CZlib", "MCBasics", .product(name: "Crypto", package: "swift-crypto")]),
        module("MCTopology", ["MCDiagnostics"]),
        module("MCMesh", ["MCBasics", "MCDiagnostics", "MCTopology"]),
        module("MCLoading", ["MCDiagnostics", "MCYAML", "MCTopology"]),
        module("MCValidation", [
            "MCDiagnostics", "MCTopology", "MCMesh", "MCBasics",
            .product(name: "X509", package: "swift-certificates"),
            .product(name: "SwiftASN1", package: "swift-asn1"),
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "_CryptoExtras", package: "swift-crypto"),
        ]),
        module("MCRendering", [
            "MCDiagnostics", "MCTopology", "MCMesh", "MCValidation", "MCYAML", "MCBasics",
        ]),
        module("MCPlanning", ["MCDiagnostics", "MCBasics", "MCMesh", "MCYAML", "MCRendering", "MCValidation"]),
        module("MCStore", ["MCBasics", "MCGit", "MCMesh", "MCRendering"]),
        module("MCPipeline", [
            "MCBasics", "MCDiagnostics", "MCYAML", "MCTopology", "MCMesh", "MCLoading", "MCValidation", "MCRendering", "MCPlanning", "MCStore",
        ]),
        // docs/diagnostics.md is compiled in (a symlink in Documentation/), for `mcplan --explain`.
        .target(name: "MCViews", dependencies: ["MCBasics", "MCDiagnostics", "MCMesh", "MCPlanning", "MCPipeline"], exclude: ["README.md"],
                resources: [.embedInCode("Documentation/diagnostics.md")]),
        module("MCCommands", [
            "MCPipeline", "MCViews", .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        .executableTarget(name: "mcplan", dependencies: ["MCCommands"]),
        .executableTarget(name: "mcapply", dependencies: ["MCCommands"]),
        // The fuzz target (make fuzz builds it with libFuzzer); built plainly it replays inputs.
        .executableTarget(name: "mcfuzz", dependencies: ["MCPipeline"]),

        module("MCTestSupport", ["MCDiagnostics"]),
        .testTarget(name: "MCDiagnosticsTests", dependencies: ["MCDiagnostics", "MCTestSupport"]),
        .testTarget(name: "MCBasicsTests", dependencies: ["MCBasics"]),
        .testTarget(name: "MCMeshTests", dependencies: ["MCMesh", "MCTopology", "MCDiagnostics"]),
        .testTarget(name: "MCStoreTests", dependencies: ["MCStore", "MCBasics", "MCTestSupport"]),
        .testTarget(name: "MCGitTests", dependencies: ["MCGit", "MCBasics", "MCTestSupport"]),
        .testTarget(name: "MCYAMLTests", dependencies: ["MCYAML", "MCDiagnostics", "MCTestSupport"]),
        .testTarget(
            name: "MCLoadingTests",
            dependencies: ["MCLoading", "MCTopology", "MCMesh", "MCYAML", "MCDiagnostics", "MCTestSupport"]),
        .testTarget(
            name: "MCPlanningTests",
            dependencies: ["MCPlanning", "MCRendering", "MCMesh", "MCBasics", "MCYAML", "MCDiagnostics", "MCTestSupport"]),
        .testTarget(
            name: "MCRenderingTests",
            dependencies: ["MCRendering", "MCValidation", "MCLoading", "MCTopology", "MCMesh", "MCYAML", "MCBasics", "MCDiagnostics", "MCTestSupport"],
            exclude: ["Goldens"]),
        .testTarget(
            name: "MCValidationTests",
            dependencies: ["MCValidation", "MCLoading", "MCTopology", "MCYAML", "MCBasics", "MCDiagnostics", "MCTestSupport"],
            exclude: ["Fixtures"]),
        .testTarget(
            name: "MCViewsTests", dependencies: ["MCViews", "MCPlanning", "MCRendering", "MCMesh", "MCBasics", "MCYAML", "MCDiagnostics", "MCTestSupport"],
            resources: [.copy("Goldens")]),
        .testTarget(
            name: "EndToEndTests", dependencies: ["MCTestSupport"],
            resources: [.copy("Fixtures"), .copy("Goldens")]),
    ]
)
