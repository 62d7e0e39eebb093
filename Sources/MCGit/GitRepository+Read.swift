import CGit2
import Foundation
import MCBasics

extension GitRepository {
    /// The commit `revision` names (`HEAD`, a branch, a tag, an id), or nil when it is `HEAD` on
    /// a branch with no commit yet.
    package func commit(_ revision: String) throws -> CommitID? {
        if revision == "HEAD", git_repository_head_unborn(handle) == 1 { return nil }
        var object: OpaquePointer?
        try GitLibrary.check("git_revparse_single(\(revision))", git_revparse_single(&object, handle, revision))
        defer { git_object_free(object) }
        var commit: OpaquePointer?
        try GitLibrary.check("git_object_peel", git_object_peel(&commit, object, GIT_OBJECT_COMMIT))
        defer { git_object_free(commit) }
        return Self.hex(git_object_id(commit)!)
    }

    /// Every blob under `folder` at `commit` (nil: the empty tree of an unborn branch), by id:
    /// walking the trees reads no file.
    package func snapshot(of folder: RelativePath, at commit: CommitID?) throws -> CommittedFolder {
        try withFolderTree(folder, at: commit) { id, tree in try collect(tree, id: id) } ?? .empty
    }

    /// The contents of the blobs of `snapshot` (a symlink's is its target) but those `held` names:
    /// a caller that has just rendered the folder leaves out the files it rendered exactly, and
    /// only the files that differ from the render are read.
    package func files(of snapshot: CommittedFolder, except held: (RelativePath, ObjectID) -> Bool) throws -> [RelativePath: [UInt8]] {
        var files: [RelativePath: [UInt8]] = [:]
        for (path, id) in snapshot.ordered where !held(path, id) {
            files[path] = try id.withGitOID { oid in
                var blob: OpaquePointer?
                try GitLibrary.check("git_blob_lookup", git_blob_lookup(&blob, handle, oid))
                defer { git_blob_free(blob) }
                let size = Int(git_blob_rawsize(blob))
                return size == 0 ? [] : Array(UnsafeRawBufferPointer(start: git_blob_rawcontent(blob), count: size))
            }
        }
        return files
    }

    /// The tree id of `folder` at `commit`, without reading what is under it; nil when the
    /// commit (or the unborn branch) has no such folder.
    package func folderTreeID(_ folder: RelativePath, at commit: CommitID?) throws -> String? {
        try withFolderTree(folder, at: commit) { id, _ in id }
    }

    /// `body` with the folder's tree id and tree at `commit`; nil when there is no such folder.
    func withFolderTree<Result>(
        _ folder: RelativePath, at commit: CommitID?, _ body: (String, OpaquePointer) throws -> Result
    ) throws -> Result? {
        guard let commit else { return nil }
        let commitObject = try lookupCommit(commit)
        defer { git_commit_free(commitObject) }
        var root: OpaquePointer?
        try GitLibrary.check("git_commit_tree", git_commit_tree(&root, commitObject))
        defer { git_tree_free(root) }
        var entry: OpaquePointer?
        let found = git_tree_entry_bypath(&entry, root, folder.string)
        if found == GIT_ENOTFOUND.rawValue { return nil }
        try GitLibrary.check("git_tree_entry_bypath(\(folder))", found)
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else { return nil }
        var tree: OpaquePointer?
        try GitLibrary.check("git_tree_lookup", git_tree_lookup(&tree, handle, git_tree_entry_id(entry)))
        defer { git_tree_free(tree) }
        return try body(Self.hex(git_tree_entry_id(entry)!), tree!)
    }

    private func collect(_ tree: OpaquePointer, id: String) throws -> CommittedFolder {
        var ordered: [(path: RelativePath, id: ObjectID)] = []
        var trees: Set<ObjectID> = [ObjectID(git_tree_id(tree))]
        var (special, submodules): (Set<RelativePath>, [RelativePath]) = ([], [])
        try forEachFile(in: tree, under: .root, tree: { trees.insert(ObjectID(git_tree_entry_id($0))) }) { path, entry in
            switch git_tree_entry_type(entry) {
            case GIT_OBJECT_BLOB:
                ordered.append((path, ObjectID(git_tree_entry_id(entry))))
                if git_tree_entry_filemode(entry) != GIT_FILEMODE_BLOB { special.insert(path) }
            case GIT_OBJECT_COMMIT:
                submodules.append(path)
            default:
                break
            }
        }
        // The walk is in path order (see `forEachFile`).
        return CommittedFolder(treeID: id, ordered: ordered, submodules: submodules, special: special, trees: trees)
    }

    /// `body` with every entry under `tree` that is not a tree (blobs, symlinks, submodules) and
    /// its path, depth first in path order (`RelativePath`'s: a folder's name compared as it is,
    /// so `a/x` comes before `a-b`, where a tree and the index put a folder's name as if followed
    /// by `/`). `tree` sees each tree entry before what is under it.
    func forEachFile(in tree: OpaquePointer, under prefix: RelativePath, tree seen: (OpaquePointer) -> Void = { _ in },
                     _ body: (RelativePath, OpaquePointer) throws -> Void) throws {
        let count = git_tree_entrycount(tree)
        let entries = (0..<count).map { git_tree_entry_byindex(tree, $0)! }
        // Only a tree holding a tree can be out of path order; its names are compared as bytes.
        let ordered = entries.contains { git_tree_entry_type($0) == GIT_OBJECT_TREE }
            ? entries.sorted { strcmp(git_tree_entry_name($0), git_tree_entry_name($1)) < 0 } : entries
        for entry in ordered {
            let name = String(cString: git_tree_entry_name(entry))
            let path = prefix.appending(name: name)
            guard git_tree_entry_type(entry) == GIT_OBJECT_TREE else {
                try body(path, entry)
                continue
            }
            seen(entry)
            var child: OpaquePointer?
            try GitLibrary.check("git_tree_lookup", git_tree_lookup(&child, handle, git_tree_entry_id(entry)))
            defer { git_tree_free(child) }
            try forEachFile(in: child!, under: path, tree: seen, body)
        }
    }

    /// Paths under `folder` whose index or work-tree state differs from HEAD (untracked files
    /// included), as `git status` would list them. Reads only; the index is not rewritten.
    package func uncommittedChanges(under folder: RelativePath) throws -> [UncommittedChange] {
        try uncommittedState(under: folder).changes
    }

    /// `uncommittedChanges(under:)`, and the commit the folder was proved to hold exactly when
    /// the quick check proved it (HEAD, the same before and after the check).
    package func uncommittedState(under folder: RelativePath) throws -> UncommittedState {
        let head = headID()
        if isProvablyClean(under: folder) { return UncommittedState(changes: [], provedAt: head.flatMap { $0 == headID() ? $0 : nil }) }
        return UncommittedState(changes: try statusChanges(under: folder))
    }

    /// The commit HEAD points at, without reading it; nil when unborn or unreadable.
    private func headID() -> CommitID? {
        var id = git_oid()
        guard git_reference_name_to_id(&id, handle, "HEAD") == 0 else { return nil }
        return Self.hex(&id)
    }

    /// What libgit2's status lists under `folder`.
    private func statusChanges(under folder: RelativePath) throws -> [UncommittedChange] {
        var options = git_status_options()
        try GitLibrary.check("git_status_options_init", git_status_options_init(&options, UInt32(GIT_STATUS_OPTIONS_VERSION)))
        options.show = GIT_STATUS_SHOW_INDEX_AND_WORKDIR
        options.flags = GIT_STATUS_OPT_INCLUDE_UNTRACKED.rawValue | GIT_STATUS_OPT_RECURSE_UNTRACKED_DIRS.rawValue
        let prefix = folder.string + "/"
        var list: OpaquePointer?
        let status: Int32 = prefix.withCString { pathPointer in
            var strings: [UnsafeMutablePointer<CChar>?] = [UnsafeMutablePointer(mutating: pathPointer)]
            return strings.withUnsafeMutableBufferPointer { buffer in
                options.pathspec = git_strarray(strings: buffer.baseAddress, count: 1)
                return git_status_list_new(&list, handle, &options)
            }
        }
        try GitLibrary.check("git_status_list_new", status)
        defer { git_status_list_free(list) }
        var changes: [UncommittedChange] = []
        for index in 0..<git_status_list_entrycount(list) {
            guard let entry = git_status_byindex(list, index)?.pointee else { continue }
            let flags = entry.status.rawValue
            let delta = entry.index_to_workdir ?? entry.head_to_index
            guard let file = delta?.pointee, let rawPath = file.new_file.path ?? file.old_file.path else { continue }
            let path = String(cString: rawPath)
            guard path.hasPrefix(prefix), let relative = RelativePath(String(path.dropFirst(prefix.count))) else { continue }
            let kind: UncommittedChange.Kind
            if flags & (GIT_STATUS_WT_NEW.rawValue | GIT_STATUS_INDEX_NEW.rawValue) != 0 {
                kind = .added
            } else if flags & (GIT_STATUS_WT_DELETED.rawValue | GIT_STATUS_INDEX_DELETED.rawValue) != 0 {
                kind = .deleted
            } else if flags & (GIT_STATUS_WT_TYPECHANGE.rawValue | GIT_STATUS_INDEX_TYPECHANGE.rawValue) != 0 {
                kind = .typeChanged
            } else {
                kind = .modified
            }
            changes.append(UncommittedChange(path: relative, kind: kind))
        }
        // A sparse checkout leaves skip-worktree files out of the work tree on purpose: git does
        // not call them deleted, and neither does this.
        if changes.contains(where: { $0.kind == .deleted }) {
            let skipped = Set(try indexFacts(under: folder).skipWorktree)
            if !skipped.isEmpty { changes.removeAll { $0.kind == .deleted && skipped.contains($0.path) } }
        }
        return changes.sorted { $0.path < $1.path }
    }

    /// The commit object with this id; the caller frees it with `git_commit_free`.
    func lookupCommit(_ commit: CommitID) throws -> OpaquePointer {
        var id = git_oid()
        try GitLibrary.check("git_oid_fromstr", git_oid_fromstr(&id, commit))
        var object: OpaquePointer?
        try GitLibrary.check("git_commit_lookup(\(commit))", git_commit_lookup(&object, handle, &id))
        return object!
    }

    static func hex(_ id: UnsafePointer<git_oid>) -> String {
        var buffer = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ) + 1)
        git_oid_tostr(&buffer, buffer.count, id)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
