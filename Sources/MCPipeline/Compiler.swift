import Foundation
import MCBasics
import MCDiagnostics
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
    /// The topology's text, for snippets (none when it could not be read).
    package var sources: [SourceFile] { frontEnd.source.map { [$0] } ?? [] }
    /// The lines of the topology that hold a secret value, which no snippet may show.
    package var secretLines: [String: Set<Int>] {
        let lines = frontEnd.secrets.flatMap(\.lines)
        return lines.isEmpty ? [:] : [frontEnd.displayPath: Set(lines)]
    }
}

/// How compiling and rendering a workspace's topology ended.
enum Compilation {
    case failed(EnvironmentError)
    /// The topology has errors (or could not be read): the result's diagnostics say which.
    case invalid(CompileResult)
    case rendered(CompileResult, RenderedTree, RepositoryLocation)
}

/// Reads, loads and validates: SourceFile → YAMLNode → Topology → ValidatedTopology.
enum Compiler {
    /// Compiles the workspace's topology and renders it when it is valid.
    /// - Parameter base: the folder as committed where the render will be compared, when the
    ///   caller reads it (asked for once the topology is valid, so it is read beside the
    ///   compile): the render holds no bytes of the objects it holds exactly.
    static func compileAndRender(_ workspace: Workspace, base: () -> CommittedFolder? = { nil }) -> Compilation {
        let compiled: CompileResult
        do {
            compiled = try compile(workspace)
        } catch {
            return .failed(error)
        }
        guard !compiled.hasErrors, let tree = render(compiled, toolVersion: workspace.toolVersion, base: base()),
              let location = compiled.location else {
            return .invalid(compiled)
        }
        return .rendered(compiled, tree, location)
    }

    static func compile(_ workspace: Workspace) throws(EnvironmentError) -> CompileResult {
        let frontEnd = FrontEnd.run(topologyPath: workspace.topologyPath, stdinPath: workspace.stdinPath)
        guard frontEnd.topology != nil else {
            return CompileResult(frontEnd: frontEnd, validated: nil, diagnostics: frontEnd.diagnostics, location: nil)
        }
        let location = try workspace.location()
        return validate(frontEnd, files: LocalFileSystem(root: location.root), base: location.topologyFolder, now: workspace.now,
                        location: location)
    }

    /// Validates what the front end loaded, with `file:` paths read under `base` of `files`; every
    /// diagnostic redacted of the secret values the front end found.
    static func validate(
        _ frontEnd: FrontEndResult, files: some FileSystem, base: RelativePath, now: Date, location: RepositoryLocation?
    ) -> CompileResult {
        var diagnostics = frontEnd.diagnostics
        guard let topology = frontEnd.topology else {
            return CompileResult(frontEnd: frontEnd, validated: nil, diagnostics: diagnostics, location: location)
        }
        let resolved = ReferencedFileResolver.resolve(topology, base: base, fileSystem: files)
        let result = Validator.validate(ValidationInput(topology: topology, source: frontEnd.source, files: resolved, now: now,
                                                        secretValues: frontEnd.secrets))
        // No message quotes a value that holds key or token material, whichever rule wrote it.
        diagnostics.append(contentsOf: result.diagnostics.map { $0.redacting(frontEnd.secrets.map(\.text)) })
        let validated = frontEnd.hasErrors ? nil : result.validated
        return CompileResult(frontEnd: frontEnd, validated: validated, diagnostics: diagnostics, location: location)
    }

    /// The render of a valid topology; nil when it has errors.
    static func render(_ result: CompileResult, toolVersion: String, base: CommittedFolder? = nil) -> RenderedTree? {
        guard let validated = result.validated, let location = result.location else { return nil }
        return Renderer.render(validated, sourcePath: location.sourcePath, toolVersion: toolVersion, base: base)
    }
}
