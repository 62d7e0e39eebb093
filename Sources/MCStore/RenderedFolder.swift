import Foundation
import MCBasics
import MCMesh
import MCRendering

/// What writing the folder did.
package struct FolderWriteSummary: Sendable, Equatable {
    /// Files that did not exist before.
    package var created: [RelativePath] = []
    /// Files whose content was replaced.
    package var updated: [RelativePath] = []
    package var removed: [RelativePath] = []
    package var unchanged = 0

    package init() {}

    package var changed: Bool { !created.isEmpty || !updated.isEmpty || !removed.isEmpty }
}

/// Writing the folder failed: why, and whether it had changed anything before it did.
package struct FolderWriteFailure: Error, Sendable {
    package var cause: FileError
    /// Some file was written or removed first: the folder is partly the render.
    package var changedFolder: Bool
}

/// The rendered folder on disk, owned entirely by the tool.
package struct RenderedFolder {
    /// Absolute path of the folder.
    package let path: String

    package init(path: String) {
        self.path = path
    }

    /// Whether a file name is one of mcapply's temporary files (`.<name>.mcapply-<pid>.tmp`):
    /// under the writer lock, one found is a crashed run's, removed without asking.
    package static func isTemporary(_ name: String) -> Bool {
        guard name.hasPrefix("."), name.hasSuffix(".tmp"), let marker = name.range(of: ".mcapply-", options: .backwards) else { return false }
        let pid = name[marker.upperBound..<name.index(name.endIndex, offsetBy: -4)]
        return !pid.isEmpty && pid.allSatisfy(\.isASCII) && pid.allSatisfy(\.isNumber)
    }

    /// What the folder holds on disk, found by one walk that reads no file.
    struct Snapshot {
        /// Every regular file by relative path (temporary files left out), in path order.
        var files: [RelativePath] = []
        /// Symlinks and other non-files (never followed).
        var strays: [RelativePath] = []
        /// Crashed runs' temporary files.
        var temporaries: [RelativePath] = []
        var hasEmptyFolder = false
    }

    func snapshot() throws(FileError) -> Snapshot {
        var snapshot = Snapshot()
        guard let kind = LocalFiles.kind(path) else { return snapshot }
        guard kind == .directory else { throw FileError("'\(path)' is not a folder") }
        // Each level extends its folder's path by one name.
        func walk(_ relative: RelativePath) throws(FileError) {
            let full = relative.isRoot ? path : path + "/" + relative.string
            let entries = try LocalFiles.entries(full).sorted { $0.name < $1.name }
            if entries.isEmpty, !relative.isRoot { snapshot.hasEmptyFolder = true }
            for (name, entryKind) in entries {
                let child = relative.appending(name: name)
                switch entryKind ?? LocalFiles.kind(full + "/" + name) {
                case .directory: try walk(child)
                case .file where Self.isTemporary(name): snapshot.temporaries.append(child)
                case .file: snapshot.files.append(child)
                case .symlink, .other, nil: snapshot.strays.append(child)
                }
            }
        }
        try walk(.root)
        // Names sorted as Strings are in path order for every name the render writes (ASCII);
        // a stray Unicode orders otherwise is put back in path order for the merge.
        if !zip(snapshot.files, snapshot.files.dropFirst()).allSatisfy({ $0 < $1 }) { snapshot.files.sort() }
        return snapshot
    }

    /// Makes the folder hold exactly `tree`'s files (mode 0644), removing crashed runs'
    /// temporary files on the way; `afterWriting` is called with the count after each file
    /// written (a test's kill point). `clean` holds, for each of `tree.files`, the blob id its
    /// path holds on disk when the caller knows it (git status says it is as committed): those
    /// files are not read, and only those whose id differs from the render's are written. The
    /// folder on disk and the render are both in path order, compared in one pass.
    /// - Parameter proved: what the caller proved the folder holds, exactly and nothing else
    ///   (plain files only; `clean` then holds their ids): the folder is not walked.
    package func replace(with tree: RenderedTree, clean: [ObjectID?] = [], onDisk proved: CommittedFolder? = nil,
                         afterWriting: (Int) -> Void = { _ in }) throws(FolderWriteFailure) -> FolderWriteSummary {
        var summary = FolderWriteSummary()
        let known = clean.count == tree.files.count
        do throws(FileError) {
            let existing = known && proved != nil ? Snapshot() : try snapshot()
            try LocalFiles.createDirectory(path)
            for temporary in existing.temporaries { try remove(temporary) }
            // Symlinks and other non-files are removed first, so nothing is ever written through them.
            for stray in existing.strays {
                try remove(stray)
                if !tree.holds(stray) { summary.removed.append(stray) }
            }
            // Which rendered files are on disk, and which files on disk are not rendered.
            var onDisk = [Bool](repeating: false, count: tree.files.count)
            var unrendered: [RelativePath] = []
            if known, let proved {
                for index in clean.indices where clean[index] != nil { onDisk[index] = true }
                if onDisk.lazy.filter({ $0 }).count != proved.count {
                    unrendered = tree.unrendered(proved.paths) { onDisk[$0] }.sorted()
                }
            } else {
                var next = 0
                for file in existing.files {
                    while next < tree.files.count, tree.files[next].path < file { next += 1 }
                    if next < tree.files.count, tree.files[next].path == file { onDisk[next] = true } else { unrendered.append(file) }
                }
            }
            // Files on disk whose content is not known are read, on all cores.
            let unknown = tree.files.indices.filter { onDisk[$0] && !(known && clean[$0] != nil) }
            let root = path
            let files = tree.files
            let contents = Parallel.map(unknown.count) { LocalFiles.readWithMode(root + "/" + files[unknown[$0]].path.string) }
            var read: [Int: (bytes: [UInt8], executable: Bool)] = [:]
            for (index, content) in zip(unknown, contents) {
                guard let content else { throw FileError("cannot read '\(path)/\(tree.files[index].path)'") }
                read[index] = content
            }
            let changed = tree.files.indices.filter { index in
                if !onDisk[index] { return true }
                // By blob id: the render may hold no bytes of a file committed as rendered.
                if let content = read[index] { return ObjectID.blob(holding: content.bytes) != tree.files[index].id || content.executable }
                return clean[index] != tree.files[index].id
            }
            summary.unchanged = tree.files.count - changed.count
            var folders = Set<String>()
            // Folders made by this run are empty but for what it writes: nothing can be in a
            // file's way there (a first apply writes tens of thousands of files into them).
            var made = Set<String>()
            func isInMadeFolder(_ index: Int) -> Bool {
                let relative = tree.files[index].path.string
                guard let slash = relative.utf8.lastIndex(of: UInt8(ascii: "/")) else { return false }
                return made.contains(path + "/" + relative[..<slash])
            }
            func written(_ index: Int) {
                if onDisk[index] { summary.updated.append(tree.files[index].path) } else { summary.created.append(tree.files[index].path) }
                afterWriting(summary.created.count + summary.updated.count)
            }
            // In path order, so `.mcapply.json` comes first: a folder that holds any file written
            // here holds the manifest too (else the next run would take it for someone else's).
            let sequential = changed.count < Self.parallelWrites ? changed[...] : changed.prefix { tree.files[$0].path.topFolder == nil }
            for index in sequential {
                try makeFolders(for: tree.files[index].path, madeSure: &folders, made: &made)
                try Self.write(tree.files[index], into: path, inMadeFolder: isInMadeFolder(index))
                written(index)
            }
            // Many files (a first apply writes tens of thousands) are written on all cores, their
            // folders made first; the kill points then come after the last.
            let rest = Array(changed.dropFirst(sequential.count))
            for index in rest { try makeFolders(for: tree.files[index].path, madeSure: &folders, made: &made) }
            let inMadeFolder = rest.map(isInMadeFolder)
            let failures = Parallel.map(rest.count) { position -> FileError? in
                do throws(FileError) {
                    try Self.write(files[rest[position]], into: root, inMadeFolder: inMadeFolder[position])
                    return nil
                } catch {
                    return error
                }
            }
            for (index, failure) in zip(rest, failures) where failure == nil { written(index) }
            if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
            // A file where a folder had to go was removed on the way.
            for relative in unrendered {
                if LocalFiles.kind(path + "/" + relative.string) == .file { try remove(relative) }
                summary.removed.append(relative)
            }
            if existing.hasEmptyFolder {
                try removeEmptyDirectories()
            } else if !existing.strays.isEmpty || !summary.removed.isEmpty {
                try removeEmptyParents(of: existing.strays + summary.removed)
            }
        } catch {
            throw FolderWriteFailure(cause: error, changedFolder: summary.changed)
        }
        summary.removed.sort()
        return summary
    }

    /// This process's id, which names its temporary files.
    private static let processID = getpid()

    /// From this many files to write on, they are written on all cores.
    static let parallelWrites = 64

    /// Makes the folders above `relative` real folders (a file or symlink in the way goes), each
    /// looked at once: `madeSure` holds those already done, `made` those this run created.
    private func makeFolders(for relative: RelativePath, madeSure: inout Set<String>, made: inout Set<String>) throws(FileError) {
        let text = relative.string
        for slash in text.utf8.indices where text.utf8[slash] == UInt8(ascii: "/") {
            let folder = path + "/" + text[..<slash]
            guard madeSure.insert(folder).inserted else { continue }
            switch LocalFiles.kind(folder) {
            case .directory: continue
            case nil: break
            default: try LocalFiles.remove(folder)
            }
            try LocalFiles.createDirectory(folder)
            made.insert(folder)
        }
    }

    /// Writes a file (its folders made already) through a temporary file in the same folder and
    /// renames it into place, so a crash leaves the old file or the new one, never a truncated one.
    /// - Parameter inMadeFolder: the file's folder was made by this run, so nothing is in its way.
    private static func write(_ file: RenderedTree.File, into root: String, inMadeFolder: Bool) throws(FileError) {
        let target = root + "/" + file.path.string
        if !inMadeFolder, LocalFiles.kind(target) == .directory { try LocalFiles.remove(target) }
        // Looked for in the bytes: a search by Characters is slow over a first apply's tens of thousands of paths.
        let folder = String(target[..<target.utf8.lastIndex(of: UInt8(ascii: "/"))!])
        let temporary = folder + "/.\(file.path.name!).mcapply-\(processID).tmp"
        try LocalFiles.writeNew(file.bytes, to: temporary)
        do throws(FileError) {
            try LocalFiles.rename(temporary, to: target)
        } catch {
            unlink(temporary)
            throw error
        }
    }

    private func remove(_ relative: RelativePath) throws(FileError) {
        try LocalFiles.remove(path + "/" + relative.string)
    }

    /// Whether the folder holds files but no `.mcapply.json`: not a folder mcapply rendered (a
    /// `--rendered` that names the wrong folder would otherwise replace what is there).
    package var isForeign: Bool {
        guard let entries = try? LocalFiles.entries(path) else { return false }
        let kept = entries.filter { !Self.isTemporary($0.name) }
        return !kept.isEmpty && !kept.contains { $0.name == Manifest.fileName && ($0.kind ?? LocalFiles.kind(path + "/" + $0.name)) == .file }
    }

    /// Whether the folder on disk holds any cluster folder now.
    package var holdsClusterFolders: Bool {
        let entries = (try? LocalFiles.entries(path)) ?? []
        return entries.contains { name, kind in
            !name.hasPrefix(".") && name != MeshLayout.gitopsFolder && (kind ?? LocalFiles.kind(path + "/" + name)) == .directory
        }
    }

    /// The uncommitted changes under the folder (`git status`) that differ from what `tree`
    /// would write there and from what mcapply itself last wrote (the folder's `.mcapply.json`): hand edits that applying would overwrite (changes equal to
    /// the render are fine, so `mcapply` then `mcapply --commit` works). A state that one of
    /// `accepted` holds is fine too: an interrupted apply leaves each file as the commit before
    /// it or the commit it made. Crashed runs' temporary files are not edits. Before the folder
    /// is first committed every file is uncommitted: they are checked on all cores.
    package func handEdits(_ uncommitted: [UncommittedChange], against tree: RenderedTree, accepting accepted: [CommittedFolder] = []) -> [RelativePath] {
        let changed = uncommitted.map(\.path).filter { !Self.isTemporary(String($0.name ?? "")) }
        guard !changed.isEmpty else { return [] }
        // What mcapply last wrote here, as the folder's own manifest records it: a file still as
        // written then (or gone because it removed it) is its own work, not an edit.
        let manifest = RelativePath(components: [Manifest.fileName])
        let written = LocalFiles.read(path + "/" + Manifest.fileName).flatMap(Manifest.recordedFiles)
        let root = path
        let edited = Parallel.map(changed.count) { index -> Bool in
            let path = changed[index]
            let full = root + "/" + path.string
            // mcapply's own last write: its manifest, a file as the manifest records it, or a file
            // the manifest no longer lists (removed by it).
            let recorded = written?[path.string]
            let removedByMcapply = written != nil && recorded == nil && path != manifest
            func asWritten(_ bytes: [UInt8]) -> Bool {
                path == manifest ? Manifest.recordedFiles(bytes) != nil : recorded == Digest.sha256(bytes)
            }
            switch LocalFiles.kind(full) {
            case nil:  // deleted: a hand edit if still rendered, not removed by mcapply, and in no accepted state
                return tree.holds(path) && !removedByMcapply && !accepted.contains { $0.id(at: path) == nil }
            case .file:
                guard let bytes = LocalFiles.read(full) else { return true }
                // Compared by blob id: the render may hold no bytes of a file committed as rendered.
                let id = ObjectID.blob(holding: bytes)
                if tree.holds(path, as: id) || asWritten(bytes) { return false }
                return !accepted.contains { $0.id(at: path) == id }
            default: return true  // a folder or symlink where a file goes
            }
        }
        return zip(changed, edited).filter(\.1).map(\.0)
    }

    /// The folders above removed files that are left empty go too, bottom up (the folder itself
    /// stays): work for the removals only, not a walk of the whole folder.
    private func removeEmptyParents(of removed: [RelativePath]) throws(FileError) {
        var folders = Set<[String]>()
        for path in removed {
            var components = Array(path.components.dropLast())
            while !components.isEmpty {
                folders.insert(components)
                components.removeLast()
            }
        }
        for folder in folders.sorted(by: { $0.count > $1.count }) {
            let full = ([path] + folder).joined(separator: "/")
            if LocalFiles.kind(full) == .directory, try LocalFiles.entries(full).isEmpty { try LocalFiles.remove(full) }
        }
    }

    /// Folders left empty go too (the folder itself stays): a walk of the whole folder, for a
    /// folder that held empty ones before.
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

extension RenderedFolder {
    /// After a commit of `tree` onto the checked-out branch: makes the folder in the work tree
    /// hold it and the index record it, then clears the pending note. `base` is the folder as
    /// committed at the parent, `uncommitted` what git status said differs from it. A file git
    /// status calls clean is as committed, in the work tree and in the index: not read, and,
    /// where the render leaves it as it was, not staged again either. Only the other files'
    /// entries change.
    package func bringAlong(_ tree: RenderedTree, base: CommittedFolder, uncommitted: [UncommittedChange], proved: Bool = false,
                            folder relative: RelativePath, in repository: any Repository, lock: any WriterLock,
                            afterWriting: (Int) -> Void = { _ in }, afterWrite: () -> Void = {}) throws(FolderWriteFailure) -> FolderWriteSummary {
        let dirty = Set(uncommitted.map(\.path)).union(base.special)
        let clean = tree.files.map { !dirty.isEmpty && dirty.contains($0.path) ? nil : base.id(at: $0.path) }
        // Proved to hold exactly the base's plain files: the disk need not be walked.
        let summary = try replace(with: tree, clean: clean, onDisk: proved && dirty.isEmpty ? base : nil, afterWriting: afterWriting)
        afterWrite()
        var entries: [IndexEntry] = []
        for (index, file) in tree.files.enumerated() where clean[index] != file.id { entries.append(IndexEntry(path: file.path, id: file.id)) }
        do {
            try repository.updateIndex(under: relative, setting: entries, removing: summary.removed + uncommitted.map(\.path))
            try lock.record(nil)
        } catch {
            throw FolderWriteFailure(cause: FileError(error.message), changedFolder: true)
        }
        return summary
    }
}
