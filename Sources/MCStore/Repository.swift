import MCBasics

/// A failure of the repository (libgit2's message, or the twin's).
package struct RepositoryError: Error, Sendable, CustomStringConvertible {
    /// The causes callers tell apart.
    package enum Kind: Sendable, Equatable {
        case other
        /// Another user owns the repository and `safe.directory` does not allow it.
        case notOwned
        /// SHA-256 object names, which libgit2 1.5 cannot read.
        case unsupportedObjectFormat
    }

    package var message: String
    package var kind: Kind

    package init(_ message: String, kind: Kind = .other) {
        self.message = message
        self.kind = kind
    }

    package var description: String { message }
}

/// The git repository the rendered folder is committed to: what planning reads and committing
/// writes. `LocalRepository` is git through libgit2, `InMemoryRepository` its twin for tests; one
/// contract suite holds both to the same behaviour. Uses are sequential (one thread at a time).
package protocol Repository: AnyObject, Sendable {
    /// The work tree's root with a trailing slash, or nil for a bare repository.
    var workTree: String? { get }

    /// The commit `revision` names (`HEAD`, a branch, a tag, an id), or nil when it is `HEAD` on
    /// a branch with no commit yet.
    func commit(_ revision: String) throws(RepositoryError) -> CommitID?

    /// Every blob under `folder` at `commit` (nil: the empty tree of an unborn branch), by id.
    func snapshot(of folder: RelativePath, at commit: CommitID?) throws(RepositoryError) -> CommittedFolder

    /// The contents of the blobs of `snapshot` but those `held` names (by path and id): the
    /// caller has them already (a render compares the files it holds exactly by id).
    func files(of snapshot: CommittedFolder, except held: (RelativePath, ObjectID) -> Bool) throws(RepositoryError) -> [RelativePath: [UInt8]]

    /// The tree id of `folder` at `commit`; nil when it has no such folder.
    func folderTreeID(_ folder: RelativePath, at commit: CommitID?) throws(RepositoryError) -> String?

    /// Paths under `folder` whose index or work-tree state differs from HEAD (untracked included), sorted.
    func uncommittedChanges(under folder: RelativePath) throws(RepositoryError) -> [UncommittedChange]

    /// `uncommittedChanges(under:)`, and the commit whose files the folder was proved to hold
    /// exactly, when a repository can prove it (then nothing on disk needs looking at).
    func uncommittedState(under folder: RelativePath) throws(RepositoryError) -> UncommittedState

    /// The branch HEAD names (`refs/heads/…`), even with no commit yet; nil when detached.
    func currentBranch() throws(RepositoryError) -> String?

    /// The commit a branch points at, or nil when it does not exist.
    func tip(of branch: String) throws(RepositoryError) -> CommitID?

    /// `user.name` and `user.email` from the configuration, when both are set.
    func configuredIdentity() -> Identity?

    /// Whether `commit.gpgsign` asks for signed commits.
    var signsCommits: Bool { get }

    /// Whether `core.sparseCheckout` is on (then the index may leave files out of the work tree).
    var isSparseCheckout: Bool { get }

    /// Whether `branch` (`refs/heads/…`) may be committed onto from this work tree.
    func check(branch: String) throws(RepositoryError) -> BranchCheck

    /// What the index records under `folder` (sparse-checkout entries, conflicts).
    func indexFacts(under folder: RelativePath) throws(RepositoryError) -> IndexFacts

    /// Takes the one-writer lock for a run that writes the work tree, the index or a branch.
    func lockForWriting() throws(RepositoryError) -> LockAttempt

    /// Writes `files` as the tree of `folder` on top of `base`'s tree (empty when nil), without
    /// touching the index; returns the new root tree's id. Only blobs the object database lacks
    /// and trees that differ from the base's are written. `known` is `snapshot(of: folder, at:
    /// base)` when the caller has read it (nil: read here), so the unchanged files and folders
    /// are not looked for again.
    func tree(replacing folder: RelativePath, with files: [CommitFile], on base: CommitID?, known: CommittedFolder?) throws(RepositoryError) -> String

    /// The root tree of a commit.
    func treeID(of commit: CommitID) throws(RepositoryError) -> String

    /// Creates a commit (moving no reference).
    func commit(tree: String, parent: CommitID?, message: String, author: Signature, committer: Signature) throws(RepositoryError) -> CommitID

    /// Points `branch` at `commit` only if it still points at `expected` (or does not exist when nil).
    func moveBranch(_ branch: String, to commit: CommitID, expecting expected: CommitID?, log: String) throws(RepositoryError) -> BranchMove

    /// Under `folder`: the index's entries at the paths of `removing` and of `entries` go (every
    /// stage), then `entries` are added (the ids as committed, mode 100644, stage 0, with the
    /// status of their work-tree files); every other entry stays. Work for the paths named, not
    /// for the folder. The caller holds the writer lock.
    func updateIndex(under folder: RelativePath, setting entries: [IndexEntry], removing: [RelativePath]) throws(RepositoryError)
}

extension Repository {
    /// Proves nothing: the changes alone.
    package func uncommittedState(under folder: RelativePath) throws(RepositoryError) -> UncommittedState {
        UncommittedState(changes: try uncommittedChanges(under: folder))
    }

    /// `tree(replacing:with:on:known:)`, the folder at `base` read there.
    package func tree(replacing folder: RelativePath, with files: [CommitFile], on base: CommitID?) throws(RepositoryError) -> String {
        try tree(replacing: folder, with: files, on: base, known: nil)
    }
}
