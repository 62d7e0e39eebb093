import Foundation
import MCBasics
import MCStore

/// Where the topology sits: the repository's root (the git work tree holding it, or its own
/// folder outside git) and the topology's folder relative to that root, against which `file:`
/// paths resolve.
package struct RepositoryLocation: Sendable {
    package var root: String
    package var topologyFolder: RelativePath
    /// The topology's path relative to the root (`<stdin>` for standard input), as file headers name it.
    package var sourcePath: String

    /// The location and the repository that holds it (nil outside git), discovered once. For a
    /// topology read from standard input, `file:` paths resolve against the root.
    static func locate(topologyPath: String, isStandardInput: Bool, environment: [String: String]) throws(EnvironmentError)
        -> (RepositoryLocation, LocalRepository?) {
        let cwd = FileManager.default.currentDirectoryPath
        let slash = topologyPath.lastIndex(of: "/")
        let parent = slash.map { topologyPath[..<$0].isEmpty ? "/" : String(topologyPath[..<$0]) } ?? ""
        let fileName = slash.map { String(topologyPath[topologyPath.index(after: $0)...]) } ?? topologyPath
        let folder = isStandardInput ? cwd : resolved(parent, from: cwd)
        let repository: LocalRepository?
        do {
            repository = try LocalRepository.discover(containing: folder, environment: environment)
        } catch {
            switch error.kind {
            case .notOwned:
                throw EnvironmentError("cannot open the git repository holding '\(folder)': \(error.message)"
                    + " (if you trust it, run: git config --global --add safe.directory <path>)")
            case .unsupportedObjectFormat:
                throw EnvironmentError("the git repository holding '\(folder)' uses SHA-256 object names (extensions.objectFormat);"
                    + " the libgit2 1.5 that mcplan and mcapply use reads only SHA-1 repositories")
            case .other:
                throw EnvironmentError("cannot open the git repository holding '\(folder)': \(error.message)")
            }
        }
        guard let workTree = repository?.workTree else {
            let location = RepositoryLocation(root: realpath(folder), topologyFolder: .root, sourcePath: isStandardInput ? "<stdin>" : fileName)
            return (location, repository)
        }
        let root = realpath(String(workTree.dropLast(workTree.hasSuffix("/") ? 1 : 0)))
        if isStandardInput { return (RepositoryLocation(root: root, topologyFolder: .root, sourcePath: "<stdin>"), repository) }
        let real = realpath(folder)
        let relative = RelativePath(real == root ? "" : String(real.dropFirst(root.count + 1))) ?? .root
        let location = RepositoryLocation(root: root, topologyFolder: relative,
                                          sourcePath: relative.appending(RelativePath(components: [fileName])).string)
        return (location, repository)
    }

    private static func resolved(_ path: String, from cwd: String) -> String {
        if path.isEmpty { return cwd }
        return path.hasPrefix("/") ? path : cwd + "/" + path
    }

    private static func realpath(_ path: String) -> String {
        LocalFiles.realpath(path) ?? path
    }
}
