import Foundation
import MCFiles
import MCGit
import MCRendering
import MCStore

/// What `mcapply` did to the work tree.
package struct ApplyOutcome: Sendable {
    /// The rendered folder, as the user named it (or the default relative to the repository root).
    package var folder: String
    package var summary: FolderWriteSummary
}

/// Renders a valid topology and makes the rendered folder in the work tree equal to it.
package enum ApplyRun {
    /// The folder's absolute path: `renderedArgument` relative to the current directory, or
    /// `rendered` at the repository root. It must lie inside the repository with no symlink on
    /// the way from the root to it.
    package static func folderPath(_ renderedArgument: String?, location: RepositoryLocation) throws -> String {
        let cwd = FileManager.default.currentDirectoryPath
        let requested = renderedArgument.map { $0.hasPrefix("/") ? $0 : cwd + "/" + $0 } ?? location.root + "/rendered"
        let normalised = URL(fileURLWithPath: requested).standardized.path
        guard normalised.hasPrefix(location.root + "/"), let relative = RelativePath(String(normalised.dropFirst(location.root.count + 1))),
              !relative.components.isEmpty, relative.components.first != ".git"
        else {
            throw PipelineError("the rendered folder '\(renderedArgument ?? "rendered")' must lie inside the repository '\(location.root)'")
        }
        var current = location.root
        for component in relative.components {
            current += "/" + component
            var info = stat()
            if lstat(current, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
                throw PipelineError("'\(current)' is a symlink; the rendered folder and the folders above it must be real folders")
            }
        }
        return normalised
    }

    /// The folder's absolute path and its path relative to the repository root.
    package static func folder(_ renderedArgument: String?, location: RepositoryLocation) throws -> (path: String, relative: RelativePath) {
        let path = try folderPath(renderedArgument, location: location)
        return (path, RelativePath(String(path.dropFirst(location.root.count + 1)))!)
    }

    package static func apply(_ tree: RenderedTree, to folder: String) throws -> FolderWriteSummary {
        do {
            return try RenderedFolder(path: folder).replace(with: tree)
        } catch let error as StoreError {
            throw PipelineError(error.message)
        }
    }
}

extension ApplyRun {
    /// Uncommitted changes under the folder that differ from what this render would write there:
    /// hand edits that applying would overwrite (changes equal to the render are fine, so
    /// `mcapply` then `mcapply --commit` works).
    /// Before the folder is first committed every file is uncommitted: they are checked on all cores.
    package static func handEdits(in folderPath: String, folder: RelativePath, repository: GitRepository, tree: RenderedTree) throws -> [RelativePath] {
        let changed = try repository.uncommittedChanges(under: folder).map(\.path)
        guard !changed.isEmpty else { return [] }
        let rendered = Dictionary(tree.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let edited = Parallel.map(changed.count) { index -> Bool in
            let path = changed[index]
            let full = folderPath + "/" + path.string
            var info = stat()
            guard lstat(full, &info) == 0 else { return rendered[path] != nil }  // deleted: a hand edit if still rendered
            guard info.st_mode & S_IFMT == S_IFREG else { return true }  // a folder or symlink where a file goes
            return FileManager.default.contents(atPath: full).map { [UInt8]($0) } != rendered[path]
        }
        return zip(changed, edited).filter(\.1).map(\.0)
    }

    /// Whether the folder on disk holds any cluster folder now.
    package static func hasClusterFolders(_ folderPath: String) throws -> Bool {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folderPath)) ?? []
        return names.contains { name in
            var isDirectory: ObjCBool = false
            return !name.hasPrefix(".") && FileManager.default.fileExists(atPath: folderPath + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
        }
    }
}
