import Foundation
import MCDiagnostics
import MCBasics
import MCLoading
import MCTestSupport
import MCTopology
import MCValidation
import MCYAML
import Testing

@testable import MCRendering

/// Loads, validates and renders a topology text whose `file:` paths resolve in `folder`.
func render(text: String, folder: String, now: Date = Date(), base: CommittedFolder? = nil) throws -> (RenderedTree, ValidationInput) {
    let parsed = YAMLParser.parse(Array(text.utf8), path: "topology.yaml")
    let loaded = TopologyLoader.load(try #require(parsed.root), path: "topology.yaml")
    let topology = try #require(loaded.topology)
    let files = ReferencedFileResolver.resolve(topology, base: .root, fileSystem: LocalFileSystem(root: folder))
    let input = ValidationInput(topology: topology, source: parsed.source, files: files, now: now)
    let result = Validator.validate(input)
    let validated = try #require(result.validated, "\(result.diagnostics.map { "\($0.code.rawValue) \($0.message)" })")
    return (Renderer.render(validated, sourcePath: "topology.yaml", toolVersion: "0.1.0", base: base), input)
}

func renderExample(_ name: String) throws -> RenderedTree {
    let folder = PackagePaths.examples + "/" + name
    return try render(text: String(contentsOfFile: folder + "/topology.yaml", encoding: .utf8), folder: folder).0
}

extension RenderedTree {
    /// The files by path, as golden trees hold them.
    var byPath: [String: [UInt8]] { Dictionary(uniqueKeysWithValues: files.map { ($0.path.string, $0.bytes) }) }
}
