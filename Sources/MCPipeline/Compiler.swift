import Foundation
import MCDiagnostics
import MCFiles
import MCTopology
import MCValidation

/// What compiling a topology produced: the front end's result, and the validated model when
/// there is no error anywhere.
package struct CompileResult: Sendable {
    package var frontEnd: FrontEndResult
    package var validated: ValidatedTopology?
    package var diagnostics: Diagnostics

    package var displayPath: String { frontEnd.displayPath }
    package var hasErrors: Bool { diagnostics.hasErrors || validated == nil }
}

/// Reads, loads and validates: SourceFile → YAMLNode → Topology → ValidatedTopology.
package enum Compiler {
    package static func compile(topologyPath: String, now: Date) throws -> CompileResult {
        let frontEnd = FrontEnd.run(topologyPath: topologyPath)
        var diagnostics = frontEnd.diagnostics
        guard let topology = frontEnd.topology else {
            return CompileResult(frontEnd: frontEnd, validated: nil, diagnostics: diagnostics)
        }
        let location = try RepositoryLocation.locate(
            topologyPath: topologyPath, isStandardInput: topologyPath == FrontEnd.standardInput)
        let files = ReferencedFileResolver.resolve(
            topology, base: location.topologyFolder, fileSystem: LocalFileSystem(root: location.root))
        let result = Validator.validate(ValidationInput(topology: topology, source: frontEnd.source, files: files, now: now))
        diagnostics.append(contentsOf: result.diagnostics)
        let validated = frontEnd.hasErrors ? nil : result.validated
        return CompileResult(frontEnd: frontEnd, validated: validated, diagnostics: diagnostics)
    }
}
