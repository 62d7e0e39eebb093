import Foundation
import MCBasics
import MCStore

/// Everything a run finds about where it works, once: the topology's path, the repository and
/// the rendered folder inside it, the clock and the tool's version. What could not be found is
/// kept as the error, reported only where a run needs it (an invalid topology's diagnostics come
/// alone, whatever the repository).
package final class Workspace: Sendable {
    /// The rendered folder: its absolute path and its path relative to the repository root.
    package struct Folder: Sendable {
        package var path: String
        package var relative: RelativePath
    }

    package let topologyPath: String
    /// `--rendered` as given (nil: `rendered` at the repository root).
    package let renderedArgument: String?
    package let now: Date
    package let toolVersion = Product.version
    /// The process's environment (git's variables, `MCPLAN_NOW`, the test hooks).
    package let environment: [String: String]
    private let located: Result<(RepositoryLocation, LocalRepository?), EnvironmentError>

    package var isStandardInput: Bool { topologyPath == FrontEnd.standardInput }

    /// - Throws: when `MCPLAN_NOW` is set but is no time; nothing else fails here.
    /// With `-f -`: the path the topology is read as if it were at (`--stdin-path`), for file
    /// headers, diagnostics and `file:` paths; nil reads it as `<stdin>` at the repository root.
    package let stdinPath: String?

    package init(topologyPath: String, stdinPath: String? = nil, rendered: String?, environment: [String: String]) throws(EnvironmentError) {
        self.topologyPath = topologyPath
        self.stdinPath = topologyPath == FrontEnd.standardInput ? stdinPath : nil
        renderedArgument = rendered
        self.environment = environment
        now = try CurrentTime.resolve(environment: environment)
        let asIf = self.stdinPath
        located = Result { () throws(EnvironmentError) in
            try RepositoryLocation.locate(topologyPath: asIf ?? topologyPath, isStandardInput: asIf == nil && topologyPath == FrontEnd.standardInput,
                                          environment: environment)
        }
    }

    /// Where the topology sits.
    package func location() throws(EnvironmentError) -> RepositoryLocation {
        try located.get().0
    }

    /// The repository holding the topology; an error outside a git work tree.
    package func repository() throws(EnvironmentError) -> any Repository {
        let (location, repository) = try located.get()
        guard let repository, repository.workTree != nil else {
            throw EnvironmentError("'\(location.root)' is not inside a git work tree; mcplan compares the render with what git holds (run 'git init' first)")
        }
        return repository
    }

    /// The rendered folder: `--rendered` relative to the current directory, or `rendered` at the
    /// repository root. It must lie inside the repository with no symlink on the way to it.
    package func folder() throws(EnvironmentError) -> Folder {
        let location = try location()
        let cwd = FileManager.default.currentDirectoryPath
        let requested = renderedArgument.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? location.root + "/rendered"
        let normalised = URL(fileURLWithPath: requested).standardized.path
        guard normalised.hasPrefix(location.root + "/"), let relative = RelativePath(String(normalised.dropFirst(location.root.count + 1))),
              !relative.components.isEmpty, relative.components.first != ".git"
        else {
            throw EnvironmentError("the rendered folder '\(renderedArgument ?? "rendered")' must lie inside the repository '\(location.root)'")
        }
        var current = location.root
        for component in relative.components {
            current += "/" + component
            if LocalFiles.kind(current) == .symlink {
                throw EnvironmentError("'\(current)' is a symlink; the rendered folder and the folders above it must be real folders")
            }
        }
        return Folder(path: normalised, relative: relative)
    }

    /// The display path of the rendered folder.
    package var renderedDisplay: String { renderedArgument ?? "rendered" }
}
