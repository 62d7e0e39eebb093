import CGit2
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
        var config: OpaquePointer?
        guard git_repository_config_snapshot(&config, handle) == 0 else { return nil }
        defer { git_config_free(config) }
        func value(_ key: String) -> String? {
            var pointer: UnsafePointer<CChar>?
            guard git_config_get_string(&pointer, config, key) == 0, let pointer else { return nil }
            let text = String(cString: pointer)
            return text.isEmpty ? nil : text
        }
        guard let name = value("user.name"), let email = value("user.email") else { return nil }
        return Identity(name: name, email: email)
    }

    /// Writes `files` as the tree of `folder` on top of `base`'s tree (an empty tree when nil),
    /// blobs from memory, without touching the index; returns the new root tree's id.
    package func tree(replacing folder: RelativePath, with files: [(path: RelativePath, bytes: [UInt8])], on base: CommitID?) throws -> String {
        var baseTree: OpaquePointer?
        if let base {
            let commit = try lookupCommit(base)
            defer { git_commit_free(commit) }
            try GitLibrary.check("git_commit_tree", git_commit_tree(&baseTree, commit))
        } else {
            var empty = try writeTree([:])
            try GitLibrary.check("git_tree_lookup", git_tree_lookup(&baseTree, handle, &empty))
        }
        defer { git_tree_free(baseTree) }
        var nested: [String: Any] = [:]
        for (path, bytes) in files { Self.insert(bytes, at: path.components[...], into: &nested) }
        var update = git_tree_update()
        var root = git_oid()
        let path = folder.string
        return try path.withCString { pathPointer in
            update.path = pathPointer
            if files.isEmpty {
                update.action = GIT_TREE_UPDATE_REMOVE
                var probe: OpaquePointer?
                let exists = git_tree_entry_bypath(&probe, baseTree, path) == 0
                git_tree_entry_free(probe)
                if !exists { return Self.hex(git_tree_id(baseTree)!) }
            } else {
                update.action = GIT_TREE_UPDATE_UPSERT
                update.id = try writeTree(nested)
                update.filemode = GIT_FILEMODE_TREE
            }
            try GitLibrary.check("git_tree_create_updated", git_tree_create_updated(&root, handle, baseTree, 1, &update))
            return Self.hex(&root)
        }
    }

    private static func insert(_ bytes: [UInt8], at components: ArraySlice<String>, into tree: inout [String: Any]) {
        guard let first = components.first else { return }
        if components.count == 1 {
            tree[first] = bytes
        } else {
            var child = tree[first] as? [String: Any] ?? [:]
            insert(bytes, at: components.dropFirst(), into: &child)
            tree[first] = child
        }
    }

    /// One tree object (and its blobs and subtrees) from a nested dictionary of names.
    private func writeTree(_ entries: [String: Any]) throws -> git_oid {
        var builder: OpaquePointer?
        try GitLibrary.check("git_treebuilder_new", git_treebuilder_new(&builder, handle, nil))
        defer { git_treebuilder_free(builder) }
        for name in entries.keys.sorted() {
            var id = git_oid()
            let mode: git_filemode_t
            if let bytes = entries[name] as? [UInt8] {
                try bytes.withUnsafeBytes { buffer in
                    try GitLibrary.check("git_blob_create_from_buffer",
                                         git_blob_create_from_buffer(&id, handle, buffer.baseAddress, buffer.count))
                }
                mode = GIT_FILEMODE_BLOB
            } else {
                id = try writeTree(entries[name] as! [String: Any])
                mode = GIT_FILEMODE_TREE
            }
            try GitLibrary.check("git_treebuilder_insert", git_treebuilder_insert(nil, builder, name, &id, mode))
        }
        var tree = git_oid()
        try GitLibrary.check("git_treebuilder_write", git_treebuilder_write(&tree, builder))
        return tree
    }

    /// The root tree of a commit.
    package func treeID(of commit: CommitID) throws -> String {
        let object = try lookupCommit(commit)
        defer { git_commit_free(object) }
        return Self.hex(git_commit_tree_id(object)!)
    }

    /// Creates a commit (moving no reference) and returns its id.
    package func commit(tree: String, parent: CommitID?, message: String, author: Identity, time: Int64) throws -> CommitID {
        var treeID = git_oid()
        try GitLibrary.check("git_oid_fromstr", git_oid_fromstr(&treeID, tree))
        var treeObject: OpaquePointer?
        try GitLibrary.check("git_tree_lookup", git_tree_lookup(&treeObject, handle, &treeID))
        defer { git_tree_free(treeObject) }
        let parentObject = try parent.map(lookupCommit)
        defer { git_commit_free(parentObject) }
        var signature: UnsafeMutablePointer<git_signature>?
        try GitLibrary.check("git_signature_new", git_signature_new(&signature, author.name, author.email, time, 0))
        defer { git_signature_free(signature) }
        var id = git_oid()
        var parents: [OpaquePointer?] = parentObject.map { [$0] } ?? []
        let status = parents.withUnsafeMutableBufferPointer { buffer in
            git_commit_create(&id, handle, nil, signature, signature, "UTF-8", message, treeObject, buffer.count, buffer.baseAddress)
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
        try GitLibrary.check("git_reference_create", status)
        return .moved
    }

    /// Makes the index hold the work tree's files under `folder` exactly (so `git status` is clean
    /// for it after a commit of the same content); entries outside it are untouched.
    package func stageFolder(_ folder: RelativePath, files: [RelativePath]) throws {
        var index: OpaquePointer?
        try GitLibrary.check("git_repository_index", git_repository_index(&index, handle))
        defer { git_index_free(index) }
        try GitLibrary.check("git_index_read", git_index_read(index, 1))
        try GitLibrary.check("git_index_remove_directory", git_index_remove_directory(index, folder.string, 0))
        for file in files {
            try GitLibrary.check("git_index_add_bypath(\(file))", git_index_add_bypath(index, folder.appending(file).string))
        }
        try GitLibrary.check("git_index_write", git_index_write(index))
    }
}
