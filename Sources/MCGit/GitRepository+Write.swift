import CGit2
import Foundation
import MCBasics

extension GitRepository {
    /// The branch HEAD names (`refs/heads/…`), even when it has no commit yet; nil when detached.
    package func currentBranch() throws -> String? {
        var head: OpaquePointer?
        try GitLibrary.check("git_reference_lookup(HEAD)", git_reference_lookup(&head, handle, "HEAD"))
        defer { git_reference_free(head) }
        return git_reference_symbolic_target(head).map { String(cString: $0) }
    }

    /// The commit a branch points at, or nil when the branch does not exist.
    package func tip(of branch: String) throws -> CommitID? {
        var id = git_oid()
        let found = git_reference_name_to_id(&id, handle, branch)
        if found == GIT_ENOTFOUND.rawValue { return nil }
        try GitLibrary.check("git_reference_name_to_id(\(branch))", found)
        return Self.hex(&id)
    }

    /// `user.name` and `user.email` from git's configuration, when both are set.
    package func configuredIdentity() -> Identity? {
        guard let name = configString("user.name"), !name.isEmpty, let email = configString("user.email"), !email.isEmpty else { return nil }
        return Identity(name: name, email: email)
    }

    /// Whether `branch` (`refs/heads/…`) may be committed onto from this worktree: a name git
    /// accepts for a branch, and not checked out in another worktree.
    package func check(branch: String) throws -> BranchCheck {
        let prefix = "refs/heads/"
        guard branch.hasPrefix(prefix) else { return .invalidName }
        var valid: Int32 = 0
        try GitLibrary.check("git_branch_name_is_valid", git_branch_name_is_valid(&valid, String(branch.dropFirst(prefix.count))))
        guard valid == 1 else { return .invalidName }
        try GitLibrary.check("git_reference_name_is_valid", git_reference_name_is_valid(&valid, branch))
        guard valid == 1 else { return .invalidName }
        var reference: OpaquePointer?
        let found = git_reference_lookup(&reference, handle, branch)
        if found == GIT_ENOTFOUND.rawValue { return .usable }
        try GitLibrary.check("git_reference_lookup(\(branch))", found)
        defer { git_reference_free(reference) }
        if try currentBranch() == branch { return .usable }
        let checkedOut = git_branch_is_checked_out(reference)
        try GitLibrary.check("git_branch_is_checked_out", checkedOut)
        return checkedOut == 1 ? .checkedOutElsewhere : .usable
    }

    /// Writes `files` as the tree of `folder` on top of `base`'s tree (an empty tree when nil),
    /// without touching the index; returns the new root tree's id. The work follows the change:
    /// every tree under the folder is made in memory, and only the blobs and trees that neither
    /// `known` (the folder at `base`, read here when not given) holds nor the object database
    /// has are written: loose when they are few, as git writes them, else as one pack (a first
    /// commit of a large mesh has tens of thousands). A folder whose entries equal the base's
    /// makes the base's tree id again, so it is found in `known` and nothing under it is looked up.
    package func tree(replacing folder: RelativePath, with files: [CommitFile], on base: CommitID?, known: CommittedFolder? = nil) throws -> String {
        var baseTree: OpaquePointer?
        if let base {
            let commit = try lookupCommit(base)
            defer { git_commit_free(commit) }
            try GitLibrary.check("git_commit_tree", git_commit_tree(&baseTree, commit))
        }
        defer { git_tree_free(baseTree) }
        var odb: OpaquePointer?
        try GitLibrary.check("git_repository_odb", git_repository_odb(&odb, handle))
        defer { git_odb_free(odb) }
        if baseTree == nil {
            var empty = git_oid()
            try GitLibrary.check("git_odb_write", git_odb_write(&empty, odb, nil, 0, GIT_OBJECT_TREE))
            try GitLibrary.check("git_tree_lookup", git_tree_lookup(&baseTree, handle, &empty))
        }
        var update = git_tree_update()
        var rootID = git_oid()
        let path = folder.string
        var entry: OpaquePointer?
        let found = git_tree_entry_bypath(&entry, baseTree, path) == 0
        let folderBase = found && git_tree_entry_type(entry) == GIT_OBJECT_TREE ? ObjectID(git_tree_entry_id(entry)) : nil
        git_tree_entry_free(entry)
        return try path.withCString { pathPointer in
            update.path = pathPointer
            if files.isEmpty {
                guard found else { return Self.hex(git_tree_id(baseTree)!) }
                update.action = GIT_TREE_UPDATE_REMOVE
            } else {
                let known = try known ?? snapshot(of: folder, at: base)
                // In path order, the files of each folder are next to each other. A render comes
                // in that order; other callers' files are put in it, the last of a path given twice kept.
                var sorted = files
                if !zip(files, files.dropFirst()).allSatisfy({ $0.path < $1.path }) {
                    let order = files.indices.sorted { (files[$0].path, $0) < (files[$1].path, $1) }
                    sorted = order.indices.filter { $0 == order.count - 1 || files[order[$0]].path != files[order[$0 + 1]].path }.map { files[order[$0]] }
                }
                var objects: [NewObject] = []
                let stored = StoredObjects(blobs: Set(known.ids), trees: known.trees, odb: odb)
                let folderID = tree(of: sorted[...], prefixLength: 0, stored: stored, into: &objects)
                if folderID == folderBase { return Self.hex(git_tree_id(baseTree)!) }
                try store(objects, in: odb)
                update.action = GIT_TREE_UPDATE_UPSERT
                update.id = folderID.withGitOID { $0.pointee }
                update.filemode = GIT_FILEMODE_TREE
            }
            try GitLibrary.check("git_tree_create_updated", git_tree_create_updated(&rootID, handle, baseTree, 1, &update))
            return Self.hex(&rootID)
        }
    }

    /// An object the object database lacks, to be stored.
    struct NewObject {
        var kind: PackFile.Kind
        var id: ObjectID
        var content: [UInt8]
    }

    /// What the object database is known to hold (the base folder's blobs and trees), and the
    /// database to ask about anything else. Asking does not make libgit2 list the packs again on
    /// a miss, which a first commit's tens of thousands of misses would do as often.
    struct StoredObjects {
        var blobs: Set<ObjectID>
        var trees: Set<ObjectID>
        var odb: OpaquePointer?

        func lacks(_ id: ObjectID, tree: Bool) -> Bool {
            if (tree ? trees : blobs).contains(id) { return false }
            return id.withGitOID { git_odb_exists_ext(odb, $0, UInt32(GIT_ODB_LOOKUP_NO_REFRESH.rawValue)) == 0 }
        }
    }

    /// From this many new objects on, a commit stores them as one pack instead of loose objects.
    static let packedObjects = 1_000

    /// The tree object of the folder holding `files` (in path order, each under the same first
    /// `prefixLength` bytes of path: the folder's own path and `/`, or nothing at the top), made
    /// in memory: its id, with every object under it that is not stored yet added to `new`,
    /// children first.
    private func tree(of files: ArraySlice<CommitFile>, prefixLength: Int, stored: StoredObjects, into new: inout [NewObject]) -> ObjectID {
        var entries: [TreeEntry] = []
        var index = files.startIndex
        while index < files.endIndex {
            let file = files[index]
            let text = file.path.string
            guard !file.path.isRoot, text.utf8.count > prefixLength else {
                index += 1  // the folder itself is no file
                continue
            }
            let start = text.utf8.index(text.startIndex, offsetBy: prefixLength)
            guard let slash = text.utf8[start...].firstIndex(of: UInt8(ascii: "/")) else {
                if stored.lacks(file.id, tree: false) { new.append(NewObject(kind: .blob, id: file.id, content: file.bytes)) }
                entries.append(TreeEntry(name: String(text[start...]), id: file.id, isTree: false))
                index += 1
                continue
            }
            // The subfolder's files: those under the same path up to and with this `/`.
            let folder = text.utf8[...slash]
            var end = index + 1
            while end < files.endIndex, files[end].path.string.utf8.count > folder.count, files[end].path.string.utf8.starts(with: folder) { end += 1 }
            let id = tree(of: files[index..<end], prefixLength: folder.count, stored: stored, into: &new)
            entries.append(TreeEntry(name: String(text[start..<slash]), id: id, isTree: true))
            index = end
        }
        let content = TreeEntry.content(of: entries)
        let id = ObjectID.object(kind: "tree", holding: content)
        if stored.lacks(id, tree: true) { new.append(NewObject(kind: .tree, id: id, content: content)) }
        return id
    }

    /// Stores new objects (each once): loose when few, else as one pack through libgit2's
    /// indexer, which checks every object and writes the pack's index beside it. Every object is
    /// checked to land under the id it was made with.
    private func store(_ objects: [NewObject], in odb: OpaquePointer?) throws {
        var seen = Set<ObjectID>()
        let unique = objects.filter { seen.insert($0.id).inserted }
        guard unique.count >= Self.packedObjects else {
            for object in unique {
                var written = git_oid()
                try object.content.withUnsafeBytes { buffer in
                    try GitLibrary.check("git_odb_write", git_odb_write(&written, odb, buffer.baseAddress, buffer.count,
                                                                        object.kind == .tree ? GIT_OBJECT_TREE : GIT_OBJECT_BLOB))
                }
                guard ObjectID(&written) == object.id else {
                    throw GitError(call: "git_odb_write", code: -1, message: "an object was stored under another id than it was made with")
                }
            }
            return
        }
        let pack = try PackFile.bytes(of: unique.map { (kind: $0.kind, content: $0.content) })
        var writepack: UnsafeMutablePointer<git_odb_writepack>?
        try GitLibrary.check("git_odb_write_pack", git_odb_write_pack(&writepack, odb, nil, nil))
        guard let writepack else { throw GitError(call: "git_odb_write_pack", code: -1, message: "no pack writer") }
        defer { writepack.pointee.free(writepack) }
        var progress = git_indexer_progress()
        try pack.withUnsafeBytes { bytes in
            try GitLibrary.check("git_odb_writepack append", writepack.pointee.append(writepack, bytes.baseAddress, bytes.count, &progress))
        }
        try GitLibrary.check("git_odb_writepack commit", writepack.pointee.commit(writepack, &progress))
        guard progress.indexed_objects == UInt32(unique.count) else {
            throw GitError(call: "git_odb_writepack commit", code: -1, message: "the pack indexed \(progress.indexed_objects) of \(unique.count) objects")
        }
        for object in unique where object.id.withGitOID({ git_odb_exists(odb, $0) }) == 0 {
            throw GitError(call: "git_odb_exists", code: -1, message: "object \(object.id) is missing from the stored pack")
        }
    }

    /// The root tree of a commit.
    package func treeID(of commit: CommitID) throws -> String {
        let object = try lookupCommit(commit)
        defer { git_commit_free(object) }
        return Self.hex(git_commit_tree_id(object)!)
    }

    /// Creates a commit (moving no reference) and returns its id.
    package func commit(tree: String, parent: CommitID?, message: String, author: Signature, committer: Signature) throws -> CommitID {
        var treeID = git_oid()
        try GitLibrary.check("git_oid_fromstr", git_oid_fromstr(&treeID, tree))
        var treeObject: OpaquePointer?
        try GitLibrary.check("git_tree_lookup", git_tree_lookup(&treeObject, handle, &treeID))
        defer { git_tree_free(treeObject) }
        let parentObject = try parent.map(lookupCommit)
        defer { git_commit_free(parentObject) }
        func signature(_ value: Signature) throws -> UnsafeMutablePointer<git_signature>? {
            var made: UnsafeMutablePointer<git_signature>?
            try GitLibrary.check("git_signature_new", git_signature_new(&made, value.identity.name, value.identity.email, value.time, value.offsetMinutes))
            return made
        }
        let authorSignature = try signature(author)
        defer { git_signature_free(authorSignature) }
        let committerSignature = try signature(committer)
        defer { git_signature_free(committerSignature) }
        var id = git_oid()
        var parents: [OpaquePointer?] = parentObject.map { [$0] } ?? []
        let status = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&id, handle, nil, authorSignature, committerSignature, "UTF-8", message, treeObject, buffer.count, buffer.baseAddress)
        }
        try GitLibrary.check("git_commit_create", status)
        return Self.hex(&id)
    }

    /// Points `branch` at `commit` only if it still points at `expected` (or does not exist when
    /// `expected` is nil): the compare-and-swap that makes a concurrent run lose cleanly.
    package func moveBranch(_ branch: String, to commit: CommitID, expecting expected: CommitID?, log: String) throws -> BranchMove {
        var new = git_oid()
        try GitLibrary.check("git_oid_fromstr", git_oid_fromstr(&new, commit))
        var reference: OpaquePointer?
        defer { git_reference_free(reference) }
        let status: Int32
        if let expected {
            var old = git_oid()
            try GitLibrary.check("git_oid_fromstr", git_oid_fromstr(&old, expected))
            status = git_reference_create_matching(&reference, handle, branch, &new, 1, &old, log)
            if status == GIT_EMODIFIED.rawValue || status == GIT_ENOTFOUND.rawValue { return .raced }
        } else {
            status = git_reference_create(&reference, handle, branch, &new, 0, log)
            if status == GIT_EEXISTS.rawValue { return .raced }
        }
        if status == GIT_ELOCKED.rawValue { return .locked }
        try GitLibrary.check("git_reference_create", status)
        return .moved
    }

    /// What the index records under `folder`: its skip-worktree entries (a sparse checkout). A sparse index (`index.sparse`) cannot be read by libgit2 1.5 and fails here.
    package func indexFacts(under folder: RelativePath) throws -> IndexFacts {
        var index: OpaquePointer?
        try GitLibrary.check("git_repository_index", git_repository_index(&index, handle))
        defer { git_index_free(index) }
        try GitLibrary.check("git_index_read", git_index_read(index, 1))
        var facts = IndexFacts()
        let prefix = folder.string + "/"
        for entry in Self.entries(of: index, under: prefix) {
            guard let relative = RelativePath(String(entry.path.dropFirst(prefix.count))) else { continue }
            if entry.flagsExtended & UInt16(GIT_INDEX_ENTRY_SKIP_WORKTREE.rawValue) != 0 { facts.skipWorktree.append(relative) }
        }
        return facts
    }

    /// Under `folder`: the entries at the paths of `removing` go (every stage), and `entries` are
    /// added in place of any at their paths (blob ids as committed, mode 100644, stage 0) with the work-tree
    /// file's status, so `git status` knows them unchanged without reading them. Every other
    /// entry stays: the work is in the paths named, plus reading and writing the index once.
    ///
    /// The caller holds `index.lock`, so the new index is written to `scratch` (directly by
    /// `IndexFile.rewritten`, or, for an index that one does not read, by libgit2 on a second name of
    /// the index) and then renamed onto the index file: readers see the old index or the new one.
    package func updateEntries(under folder: RelativePath, setting entries: [IndexEntry], removing: [RelativePath],
                               indexFile: String, scratch: String) throws {
        guard let workTree = workingDirectory else { throw GitError(call: "git_repository_workdir", code: -1, message: "the repository is bare") }
        _ = unlink(scratch)
        _ = unlink(scratch + ".lock")
        // Nothing to change: the index (and what git keeps in it, such as its cache tree) stays as it is.
        if entries.isEmpty, removing.isEmpty { return }
        // Written here when the index is one `IndexFile` reads: a one-link apply then changes 7
        // entries of 52,000 without libgit2 parsing and rebuilding them all.
        let prefix = folder.string + "/"
        var added: [IndexFile.NewEntry] = []
        added.reserveCapacity(entries.count)
        for entry in entries {
            let path = prefix + entry.path.string
            guard let status = FileStatus(workTree + path) else {
                throw GitError(call: "lstat", code: -1, message: "'\(path)' is missing from the work tree")
            }
            added.append(IndexFile.NewEntry(path: Array(path.utf8), id: entry.id, status: status))
        }
        let dropping = Set((removing + entries.map(\.path)).map { Array((prefix + $0.string).utf8) })
        if let raw = LocalFiles.read(indexFile), let rewrite = IndexFile.Rewrite(raw, dropping: dropping, adding: added) {
            do throws(FileError) {
                try LocalFiles.writeNew(to: scratch) { (write: (UnsafeRawBufferPointer) throws(FileError) -> Void) throws(FileError) in
                    try rewrite.write(into: write)
                }
            } catch {
                throw GitError(call: "write", code: -1, message: error.message)
            }
            guard rename(scratch, indexFile) == 0 else {
                let failure = String(cString: strerror(errno))
                _ = unlink(scratch)
                throw GitError(call: "rename", code: -1, message: "cannot replace '\(indexFile)': \(failure)")
            }
            return
        }
        if link(indexFile, scratch) != 0, errno != ENOENT {
            throw GitError(call: "link", code: -1, message: "cannot create '\(scratch)': \(String(cString: strerror(errno)))")
        }
        defer { _ = unlink(scratch) }
        var index: OpaquePointer?
        try GitLibrary.check("git_index_open", git_index_open(&index, scratch))
        defer { git_index_free(index) }
        func remove(_ relative: RelativePath, stages: ClosedRange<Int32>) throws {
            let path = prefix + relative.string
            for stage in stages {
                let code = git_index_remove(index, path, stage)
                if code != GIT_ENOTFOUND.rawValue { try GitLibrary.check("git_index_remove(\(path))", code) }
            }
        }
        for relative in removing { try remove(relative, stages: 0...3) }
        // Adding replaces an entry at stage 0 in place; a conflict's stages go first.
        for entry in entries { try remove(entry.path, stages: 1...3) }
        for entry in added {
            try Self.add(entry.id, path: String(decoding: entry.path, as: UTF8.self), status: entry.status, to: index)
        }
        try GitLibrary.check("git_index_write", git_index_write(index))
        guard rename(scratch, indexFile) == 0 else {
            throw GitError(call: "rename", code: -1, message: "cannot replace '\(indexFile)': \(String(cString: strerror(errno)))")
        }
    }

    private struct ListedEntry {
        var path: String
        var id: ObjectID
        var stage: Int32
        var mode: UInt32
        var flagsExtended: UInt16
    }

    /// The index's entries whose path starts with `prefix`, in index order.
    private static func entries(of index: OpaquePointer?, under prefix: String) -> [ListedEntry] {
        var position = 0
        guard git_index_find_prefix(&position, index, prefix) == 0 else { return [] }
        var listed: [ListedEntry] = []
        let count = git_index_entrycount(index)
        while position < count, let entry = git_index_get_byindex(index, position)?.pointee {
            let path = String(cString: entry.path)
            guard path.hasPrefix(prefix) else { break }
            var id = entry.id
            listed.append(ListedEntry(path: path, id: ObjectID(&id), stage: git_index_entry_stage(git_index_get_byindex(index, position)),
                                      mode: entry.mode, flagsExtended: entry.flags_extended))
            position += 1
        }
        return listed
    }

    private static func add(_ id: ObjectID, path: String, status: FileStatus, to index: OpaquePointer?) throws {
        var entry = git_index_entry()
        entry.ctime = git_index_time(seconds: Int32(truncatingIfNeeded: status.changeSeconds), nanoseconds: UInt32(bitPattern: status.changeNanoseconds))
        entry.mtime = git_index_time(seconds: Int32(truncatingIfNeeded: status.modificationSeconds),
                                     nanoseconds: UInt32(bitPattern: status.modificationNanoseconds))
        entry.dev = UInt32(truncatingIfNeeded: status.device)
        entry.ino = UInt32(truncatingIfNeeded: status.inode)
        entry.mode = GIT_FILEMODE_BLOB.rawValue
        entry.uid = status.user
        entry.gid = status.group
        entry.file_size = UInt32(truncatingIfNeeded: status.size)
        id.withGitOID { entry.id = $0.pointee }
        try path.withCString { pointer in
            entry.path = pointer
            try GitLibrary.check("git_index_add(\(path))", git_index_add(index, &entry))
        }
    }
}
