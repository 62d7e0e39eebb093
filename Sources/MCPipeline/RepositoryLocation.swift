import Foundation
import MCFiles
import MCGit

/// Where the topology sits: the repository's root (the git work tree holding it, or its own
/// folder outside git) and the topology's folder relative to that root, against which `file:`
/// paths resolve.
package struct RepositoryLocation: Sendable {
    package var root: String
    package var topologyFolder: RelativePath
    /// The topology's path relative to the root (`<stdin>` for standard input), as file headers name it.
    package var sourcePath: String

    /// For a topology read from standard input, `file:` paths resolve against the root.
    package static func locate(topologyPath: String, isStandardInput: Bool) throws -> RepositoryLocation {
        let cwd = FileManager.default.currentDirectoryPath
        let slash = topologyPath.lastIndex(of: "/")
        let parent = slash.map { topologyPath[..<$0].isEmpty ? "/" : String(topologyPath[..<$0]) } ?? ""
        let fileName = slash.map { String(topologyPath[topologyPath.index(after: $0)...]) } ?? topologyPath
        let folder = isStandardInput ? cwd : resolved(parent, from: cwd)
        let repository: GitRepository?
        do {
            repository = try GitRepository.discover(containing: folder)
        } catch let error as GitError {
            throw PipelineError("cannot open the git repository holding '\(folder)': \(error.message)"
                + " (if another user owns it, run: git config --global --add safe.directory <path>)")
        }
        guard let workTree = repository?.workingDirectory else {
            return RepositoryLocation(root: realpath(folder), topologyFolder: .root, sourcePath: isStandardInput ? "<stdin>" : fileName)
        }
        let root = realpath(String(workTree.dropLast(workTree.hasSuffix("/") ? 1 : 0)))
        if isStandardInput { return RepositoryLocation(root: root, topologyFolder: .root, sourcePath: "<stdin>") }
        let real = realpath(folder)
        let relative = RelativePath(real == root ? "" : String(real.dropFirst(root.count + 1))) ?? .root
        return RepositoryLocation(root: root, topologyFolder: relative,
                                  sourcePath: relative.appending(RelativePath(components: [fileName])).string)
    }

    private static func resolved(_ path: String, from cwd: String) -> String {
        if path.isEmpty { return cwd }
        return path.hasPrefix("/") ? path : cwd + "/" + path
    }

    private static func realpath(_ path: String) -> String {
        guard let resolved = Foundation.realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
