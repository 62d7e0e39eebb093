import Foundation
import MCDiagnostics
import MCFiles
import MCRendering
import MCTopology
import MCValidation

/// What compiling a topology produced: the front end's result, and the validated model when
/// there is no error anywhere.
package struct CompileResult: Sendable {
    package var frontEnd: FrontEndResult
    package var validated: ValidatedTopology?
    package var diagnostics: Diagnostics
    /// Where the topology lives; nil when it could not be read.
    package var location: RepositoryLocation?

    package var displayPath: String { frontEnd.displayPath }
    package var hasErrors: Bool { diagnostics.hasErrors || validated == nil }
}

/// Reads, loads and validates: SourceFile → YAMLNode → Topology → ValidatedTopology.
package enum Compiler {
    package static func compile(topologyPath: String, now: Date) throws -> CompileResult {
        let frontEnd = FrontEnd.run(topologyPath: topologyPath)
        var diagnostics = frontEnd.diagnostics
        guard let topology = frontEnd.topology else {
            return CompileResult(frontEnd: frontEnd, validated: nil, diagnostics: diagnostics, location: nil)
        }
        let location = try RepositoryLocation.locate(
            topologyPath: topologyPath, isStandardInput: topologyPath == FrontEnd.standardInput)
        let files = ReferencedFileResolver.resolve(
            topology, base: location.topologyFolder, fileSystem: LocalFileSystem(root: location.root))
        let result = Validator.validate(ValidationInput(topology: topology, source: frontEnd.source, files: files, now: now))
        diagnostics.append(contentsOf: result.diagnostics)
        let validated = frontEnd.hasErrors ? nil : result.validated
        return CompileResult(frontEnd: frontEnd, validated: validated, diagnostics: diagnostics, location: location)
    }

    /// The render of a valid topology; nil when it has errors.
    package static func render(_ result: CompileResult) -> RenderedTree? {
        guard let validated = result.validated, let location = result.location else { return nil }
        return Renderer.render(validated, sourcePath: location.sourcePath, toolVersion: Product.version)
    }
}
