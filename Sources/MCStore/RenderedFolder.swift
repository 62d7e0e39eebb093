import Foundation
import MCBasics
import MCRendering

/// What writing the folder did.
package struct FolderWriteSummary: Sendable, Equatable {
    /// Files that did not exist before.
    package var created: [RelativePath] = []
    /// Files whose content was replaced.
    package var updated: [RelativePath] = []
    package var removed: [RelativePath] = []
    package var unchanged = 0

    package var changed: Bool { !created.isEmpty || !updated.isEmpty || !removed.isEmpty }
}

/// The rendered folder on disk, owned entirely by the tool.
package struct RenderedFolder {
    /// Absolute path of the folder.
    package let path: String

    package init(path: String) {
        self.path = path
    }

    /// Every regular file under the folder by relative path, the symlinks found (never followed),
    /// and whether some folder under it holds nothing. The files are read on all cores once the
    /// walk has found them: a large mesh has tens of thousands.
    func snapshot() throws(FileError) -> (files: [RelativePath: [UInt8]], symlinks: [RelativePath], hasEmptyFolder: Bool) {
        var found: [RelativePath] = []
        var symlinks: [RelativePath] = []
        var hasEmptyFolder = false
        guard let kind = LocalFiles.kind(path) else { return ([:], symlinks, false) }
        guard kind == .directory else { throw FileError("'\(path)' is not a folder") }
        func walk(_ relative: [String]) throws(FileError) {
            let full = ([path] + relative).joined(separator: "/")
            let entries = try LocalFiles.entries(full).sorted { $0.name < $1.name }
            if entries.isEmpty, !relative.isEmpty { hasEmptyFolder = true }
            for (name, entryKind) in entries {
                let child = relative + [name]
                switch entryKind ?? LocalFiles.kind(full + "/" + name) {
                case .directory: try walk(child)
                case .file: found.append(RelativePath(components: child))
                case .symlink, .other, nil: symlinks.append(RelativePath(components: child))
                }
            }
        }
        try walk([])
        let root = path
        let paths = found
        let contents = Parallel.map(paths.count) { LocalFiles.read(root + "/" + paths[$0].string) }
        var files: [RelativePath: [UInt8]] = [:]
        files.reserveCapacity(found.count)
        for (relative, bytes) in zip(found, contents) {
            guard let bytes else { throw FileError("cannot read '\(path)/\(relative)'") }
            files[relative] = bytes
        }
        return (files, symlinks, hasEmptyFolder)
    }

    /// Makes the folder hold exactly `tree`'s files.
    package func replace(with tree: RenderedTree) throws(FileError) -> FolderWriteSummary {
        let (existing, strays, hasEmptyFolder) = try snapshot()
        var summary = FolderWriteSummary()
        try LocalFiles.createDirectory(path)
        let wanted = Set(tree.files.map(\.path))
        // Symlinks and other non-files are removed first, so nothing is ever written through them.
        for stray in strays {
            try remove(stray)
            if !wanted.contains(stray) { summary.removed.append(stray) }
        }
        for file in tree.files {
            if existing[file.path] == file.bytes, !strays.contains(file.path) {
                summary.unchanged += 1
                continue
            }
            try write(file.bytes, to: file.path)
            if existing[file.path] == nil { summary.created.append(file.path) } else { summary.updated.append(file.path) }
        }
        for relative in existing.keys.filter({ !wanted.contains($0) }).sorted() {
            try remove(relative)
            summary.removed.append(relative)
        }
        if hasEmptyFolder || !strays.isEmpty || !summary.removed.isEmpty { try removeEmptyDirectories() }
        summary.removed.sort()
        return summary
    }

    /// Writes through a temporary file in the same folder and renames it into place, so a crash
    /// leaves the old file or the new one, never a truncated one.
    private func write(_ bytes: [UInt8], to relative: RelativePath) throws(FileError) {
        var folder = path
        for component in relative.components.dropLast() {
            folder += "/" + component
            switch LocalFiles.kind(folder) {
            case .directory: continue
            case nil: break
            default: try LocalFiles.remove(folder)
            }
            try LocalFiles.createDirectory(folder)
        }
        let target = path + "/" + relative.string
        if LocalFiles.kind(target) == .directory { try LocalFiles.remove(target) }
        let temporary = folder + "/.\(relative.components.last!).mcapply-\(getpid()).tmp"
        try LocalFiles.writeNew(bytes, to: temporary)
        do {
            try LocalFiles.rename(temporary, to: target)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private func remove(_ relative: RelativePath) throws(FileError) {
        try LocalFiles.remove(path + "/" + relative.string)
    }

    /// Whether the folder on disk holds any cluster folder now.
    package var holdsClusterFolders: Bool {
        let entries = (try? LocalFiles.entries(path)) ?? []
        return entries.contains { name, kind in
            !name.hasPrefix(".") && (kind ?? LocalFiles.kind(path + "/" + name)) == .directory
        }
    }

    /// Uncommitted changes under the folder (`relative` to the repository root) that differ from
    /// what `tree` would write there: hand edits that applying would overwrite (changes equal to
    /// the render are fine, so `mcapply` then `mcapply --commit` works). Before the folder is
    /// first committed every file is uncommitted: they are checked on all cores.
    package func handEdits(_ relative: RelativePath, in repository: any Repository, against tree: RenderedTree) throws(RepositoryError) -> [RelativePath] {
        let changed = try repository.uncommittedChanges(under: relative).map(\.path)
        guard !changed.isEmpty else { return [] }
        let rendered = Dictionary(tree.files.map { ($0.path, $0.bytes) }, uniquingKeysWith: { first, _ in first })
        let root = path
        let edited = Parallel.map(changed.count) { index -> Bool in
            let path = changed[index]
            let full = root + "/" + path.string
            switch LocalFiles.kind(full) {
            case nil: return rendered[path] != nil  // deleted: a hand edit if still rendered
            case .file: return LocalFiles.read(full) != rendered[path]
            default: return true  // a folder or symlink where a file goes
            }
        }
        return zip(changed, edited).filter(\.1).map(\.0)
    }

    /// Folders left empty by removals go too (the folder itself stays).
    private func removeEmptyDirectories() throws(FileError) {
        func prune(_ full: String) throws(FileError) -> Bool {
            var empty = true
            for (name, _) in try LocalFiles.entries(full) {
                let child = full + "/" + name
                if LocalFiles.kind(child) == .directory, try prune(child) {
                    try LocalFiles.remove(child)
                } else {
                    empty = false
                }
            }
            return empty
        }
        _ = try prune(path)
    }
}
