import Foundation
import MCDiagnostics
import MCLoading
import MCTopology
import MCYAML

/// What the front end produced for one topology.
package struct FrontEndResult: Sendable {
    /// The path shown in diagnostics: as the user gave it, or `<stdin>`.
    package var displayPath: String
    /// The decoded topology text, when it could be read.
    package var source: SourceFile?
    /// Nil when the file could not be read, parsed, or is not a topology at all.
    package var topology: Topology?
    package var diagnostics: Diagnostics
    /// The values holding key or token material: MC305, and never quoted by any diagnostic.
    package var secrets: [SecretValue] = []

    package var hasErrors: Bool { diagnostics.hasErrors }
}

/// Reads, parses and loads the topology: SourceFile → YAMLNode → Topology.
package enum FrontEnd {
    /// The path meaning standard input.
    package static let standardInput = "-"

    /// - Parameter stdinPath: for standard input, the path to name it by (`--stdin-path`).
    package static func run(topologyPath: String, stdinPath: String? = nil, limits: YAMLLimits = .standard) -> FrontEndResult {
        let displayPath = topologyPath == standardInput ? stdinPath ?? "<stdin>" : topologyPath
        var diagnostics = Diagnostics()
        let bytes: [UInt8]
        switch read(topologyPath, displayPath: displayPath, limit: limits.maxBytes) {
        case .failure(let problem):
            diagnostics.append(problem.diagnostic)
            return FrontEndResult(displayPath: displayPath, source: nil, topology: nil, diagnostics: diagnostics)
        case .success(let content):
            bytes = content
        }
        return run(bytes: bytes, displayPath: displayPath, limits: limits)
    }

    /// The front end over bytes already read (the fuzz target's entry).
    package static func run(bytes: [UInt8], displayPath: String, limits: YAMLLimits = .standard) -> FrontEndResult {
        var diagnostics = Diagnostics()
        let parsed = YAMLParser.parse(bytes, path: displayPath, limits: limits)
        diagnostics.append(contentsOf: parsed.diagnostics)
        var topology: Topology?
        var secrets: [SecretValue] = []
        let isEmpty = parsed.diagnostics.contains { $0.code == .unreadableInput }
        if let root = parsed.root, !isEmpty {
            secrets = SecretValueScanner.scan(root)
            let loaded = TopologyLoader.load(root, path: displayPath)
            diagnostics.append(contentsOf: loaded.diagnostics)
            diagnostics.countOmitted(loaded.omitted)
            topology = loaded.topology
        }
        return FrontEndResult(displayPath: displayPath, source: parsed.source, topology: topology,
                              diagnostics: diagnostics.redacting(secrets.map(\.text)), secrets: secrets)
    }

    private struct ReadProblem: Error {
        var diagnostic: Diagnostic
    }

    /// At most `limit + 1` bytes: enough to tell that input is too large without reading it all.
    private static func read(_ path: String, displayPath: String, limit: Int) -> Result<[UInt8], ReadProblem> {
        let handle: FileHandle?
        if path == standardInput {
            handle = FileHandle.standardInput
        } else {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                return .failure(unreadable(displayPath, "it is a directory"))
            }
            handle = FileHandle(forReadingAtPath: path)
        }
        guard let handle else {
            let reason = FileManager.default.fileExists(atPath: path) ? "permission denied" : "no such file"
            return .failure(unreadable(displayPath, reason))
        }
        do {
            var bytes: [UInt8] = []
            while bytes.count <= limit, let chunk = try handle.read(upToCount: limit + 1 - bytes.count), !chunk.isEmpty {
                bytes.append(contentsOf: chunk)
            }
            return .success(bytes)
        } catch {
            return .failure(unreadable(displayPath, error.localizedDescription))
        }
    }

    private static func unreadable(_ path: String, _ reason: String) -> ReadProblem {
        ReadProblem(diagnostic: Diagnostic(
            .unreadableInput, "cannot read '\(path)': \(reason)", file: path, range: .fileStart,
            hint: "pass the topology with -f PATH (default: topology.yaml in the current directory)"))
    }
}
