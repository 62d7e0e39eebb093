import Foundation
import MCBasics

/// A git repository held in memory, for tests: commits, branches, an index and a work tree as
/// dictionaries, with git's blob ids. It answers as `LocalRepository` does (the contract suite
/// holds the two to it); tree and commit ids are its own digests, not git's.
package final class InMemoryRepository: Repository, @unchecked Sendable {
    // Tests use one instance from one thread at a time, as the protocol says.
    private struct Commit {
        var tree: String
        var parent: CommitID?
        var message: String
        var author: Signature
        var committer: Signature
    }

    private var blobs: [ObjectID: [UInt8]] = [:]
    /// Each tree by id: every file below it by path, as a blob id.
    private var trees: [String: [RelativePath: ObjectID]] = [:]
    private var commits: [CommitID: Commit] = [:]
    private var references: [String: CommitID] = [:]
    /// The branch HEAD names, or nil when detached at `detachedHead`.
    private var head: String?
    private var detachedHead: CommitID?
    /// The index and the work tree, by path from the root.
    private var index: [RelativePath: ObjectID] = [:]
    /// The work tree's files by path from the root; tests write them with `writeWorkTree`.
    package private(set) var workTreeFiles: [RelativePath: [UInt8]] = [:]
    private var identity: Identity?
    /// `commit.gpgsign`, as a test sets it.
    package var signsCommits = false
    /// `core.sparseCheckout`, as a test sets it.
    package var isSparseCheckout = false
    /// Branches checked out in other worktrees.
    package var checkedOutElsewhere: Set<String> = []
    /// Index entries marked skip-worktree (a sparse checkout), by path from the root.
    package var skipWorktree: Set<RelativePath> = []
    /// Who holds the writer lock, when a test says someone else does.
    package var lockHolder: LockHolder?
    private let writerLock = MemoryWriterLock()

    package let workTree: String?

    package init(branch: String = "main", identity: Identity? = nil, workTree: String? = "/in-memory/") {
        head = "refs/heads/" + branch
        self.identity = identity
        self.workTree = workTree
    }

    /// Puts a file into the work tree (nil removes it), as an editor would.
    package func writeWorkTree(_ path: RelativePath, _ bytes: [UInt8]?) {
        workTreeFiles[path] = bytes
    }

    /// Detaches HEAD at the commit it points to.
    package func detachHead() {
        detachedHead = head.flatMap { references[$0] }
        head = nil
    }

    package func commit(_ revision: String) throws(RepositoryError) -> CommitID? {
        if revision == "HEAD" {
            guard let head else { return detachedHead }
            return references[head]
        }
        for name in [revision, "refs/heads/" + revision, "refs/tags/" + revision] {
            if let id = references[name] { return id }
        }
        if commits[revision] != nil { return revision }
        throw RepositoryError("revision '\(revision)' not found")
    }

    package func snapshot(of folder: RelativePath, at commit: CommitID?) throws(RepositoryError) -> CommittedFolder {
        guard let commit else { return .empty }
        let files = try self.files(under: folder, of: try treeID(of: commit))
        return files.isEmpty ? .empty : CommittedFolder(treeID: Self.treeID(files), blobs: files)
    }

    package func files(of snapshot: CommittedFolder, except held: (RelativePath, ObjectID) -> Bool) throws(RepositoryError) -> [RelativePath: [UInt8]] {
        var files: [RelativePath: [UInt8]] = [:]
        for (path, id) in snapshot.ordered where !held(path, id) {
            guard let bytes = blobs[id] else { throw RepositoryError("blob \(id) not found") }
            files[path] = bytes
        }
        return files
    }

    package func folderTreeID(_ folder: RelativePath, at commit: CommitID?) throws(RepositoryError) -> String? {
        try snapshot(of: folder, at: commit).treeID
    }

    package func uncommittedChanges(under folder: RelativePath) throws(RepositoryError) -> [UncommittedChange] {
        let committed = try commit("HEAD").map { commit throws(RepositoryError) in try files(under: .root, of: try treeID(of: commit)) } ?? [:]
        let inside = { (path: RelativePath) in path.relative(to: folder) != nil }
        var paths = Set(committed.keys.filter(inside))
        paths.formUnion(index.keys.filter(inside))
        paths.formUnion(workTreeFiles.keys.filter(inside))
        var changes: [UncommittedChange] = []
        for path in paths {
            let relative = path.relative(to: folder)!
            let head = committed[path]
            let staged = index[path]
            let working = workTreeFiles[path].map(ObjectID.blob(holding:))
            if head == nil, staged != nil || working != nil {
                changes.append(UncommittedChange(path: relative, kind: .added))
            } else if head != nil, staged == nil || working == nil {
                changes.append(UncommittedChange(path: relative, kind: .deleted))
            } else if staged != head || working != head {
                changes.append(UncommittedChange(path: relative, kind: .modified))
            }
        }
        return changes.sorted { $0.path < $1.path }
    }

    package func currentBranch() throws(RepositoryError) -> String? { head }

    package func tip(of branch: String) throws(RepositoryError) -> CommitID? { references[branch] }

    package func configuredIdentity() -> Identity? { identity }

    package func check(branch: String) throws(RepositoryError) -> BranchCheck {
        let name = branch.hasPrefix("refs/heads/") ? String(branch.dropFirst("refs/heads/".count)) : ""
        let components = name.split(separator: "/", omittingEmptySubsequences: false)
        guard !name.isEmpty, name != "HEAD", !name.hasPrefix("-"), !name.contains(".."), !name.hasSuffix(".lock"),
              components.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") }),
              !name.contains(where: { " ~^:?*[\\".contains($0) || $0.asciiValue.map { $0 < 32 || $0 == 127 } == true })
        else { return .invalidName }
        if branch != head, checkedOutElsewhere.contains(branch) { return .checkedOutElsewhere }
        return .usable
    }

    package func indexFacts(under folder: RelativePath) throws(RepositoryError) -> IndexFacts {
        IndexFacts(skipWorktree: skipWorktree.compactMap { $0.relative(to: folder) }.sorted())
    }

    package func lockForWriting() throws(RepositoryError) -> LockAttempt {
        if let lockHolder { return .held(lockHolder) }
        if writerLock.isHeld { return .held(.mcapply(path: "/in-memory/.git")) }
        writerLock.isHeld = true
        return .acquired(writerLock)
    }

    package func tree(replacing folder: RelativePath, with files: [CommitFile], on base: CommitID?, known _: CommittedFolder?) throws(RepositoryError) -> String {
        var entries = try base.map { commit throws(RepositoryError) in try self.files(under: .root, of: try treeID(of: commit)) } ?? [:]
        for path in entries.keys where path.starts(with: folder) { entries[path] = nil }
        for file in files {
            if blobs[file.id] == nil { blobs[file.id] = file.bytes }
            entries[folder.appending(file.path)] = file.id
        }
        let id = Self.treeID(entries)
        trees[id] = entries
        return id
    }

    package func treeID(of commit: CommitID) throws(RepositoryError) -> String {
        guard let found = commits[commit] else { throw RepositoryError("commit \(commit) not found") }
        return found.tree
    }

    package func commit(tree: String, parent: CommitID?, message: String, author: Signature, committer: Signature) throws(RepositoryError) -> CommitID {
        guard trees[tree] != nil else { throw RepositoryError("tree \(tree) not found") }
        if let parent, commits[parent] == nil { throw RepositoryError("commit \(parent) not found") }
        let people = "\(author.identity.name)\0\(author.identity.email)\0\(author.time)\0\(committer.identity.name)\0\(committer.identity.email)\0\(committer.time)"
        let id = String(Digest.sha256(Array("\(tree)\0\(parent ?? "")\0\(people)\0\(message)".utf8)).dropFirst("sha256:".count).prefix(40))
        commits[id] = Commit(tree: tree, parent: parent, message: message, author: author, committer: committer)
        return id
    }


    package func moveBranch(_ branch: String, to commit: CommitID, expecting expected: CommitID?, log: String) throws(RepositoryError) -> BranchMove {
        guard commits[commit] != nil else { throw RepositoryError("commit \(commit) not found") }
        guard references[branch] == expected else { return .raced }
        references[branch] = commit
        return .moved
    }

    package func updateIndex(under folder: RelativePath, setting entries: [IndexEntry], removing: [RelativePath]) throws(RepositoryError) {
        for path in (removing + entries.map(\.path)).map(folder.appending) {
            index[path] = nil
            skipWorktree.remove(path)
        }
        for entry in entries {
            let path = folder.appending(entry.path)
            guard workTreeFiles[path] != nil else { throw RepositoryError("'\(path)' is missing from the work tree") }
            index[path] = entry.id
        }
    }

    /// Commits the whole work tree onto the checked-out branch, as `git add -A && git commit` would.
    package func commitWorkTree(message: String) throws(RepositoryError) -> CommitID {
        let parent = try commit("HEAD")
        let files = workTreeFiles.map { CommitFile(path: $0.key, bytes: $0.value) }
        let tree = try tree(replacing: .root, with: files, on: nil)
        let signature = Signature(identity ?? Identity(name: "test", email: "test@localhost"), time: 0)
        let id = try commit(tree: tree, parent: parent, message: message, author: signature, committer: signature)
        guard let head else { throw RepositoryError("HEAD is detached") }
        references[head] = id
        index = Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.id) })
        return id
    }

    /// The files under `folder` of a tree, by path relative to the folder.
    private func files(under folder: RelativePath, of tree: String) throws(RepositoryError) -> [RelativePath: ObjectID] {
        guard let entries = trees[tree] else { throw RepositoryError("tree \(tree) not found") }
        guard !folder.isRoot else { return entries }
        var files: [RelativePath: ObjectID] = [:]
        for (path, id) in entries {
            if let relative = path.relative(to: folder) { files[relative] = id }
        }
        return files
    }

    /// A tree's id: a digest of its sorted paths and blob ids (equal content, equal id).
    private static func treeID(_ entries: [RelativePath: ObjectID]) -> String {
        var text = ""
        for path in entries.keys.sorted() { text += "\(path)\0\(entries[path]!)\n" }
        return String(Digest.sha256(Array(text.utf8)).dropFirst("sha256:".count).prefix(40))
    }
}

/// The twin's writer lock: always free unless a test says otherwise; the note kept in memory.
final class MemoryWriterLock: WriterLock, @unchecked Sendable {
    private(set) var pending: PendingApply?
    var isHeld = false

    func record(_ pending: PendingApply?) throws(RepositoryError) {
        self.pending = pending
    }

    func release() { isHeld = false }
}
