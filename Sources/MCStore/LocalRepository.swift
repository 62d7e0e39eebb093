import MCBasics
import MCGit

/// A repository on disk, through libgit2 (MCGit).
package final class LocalRepository: Repository, @unchecked Sendable {
    // libgit2 handles are not thread-safe; the protocol's uses are sequential.
    private let git: GitRepository

    private init(_ git: GitRepository) {
        self.git = git
    }

    /// The repository holding `path` (searching upwards as git does), or nil when there is none.
    /// Like git, it refuses repositories owned by another user unless `safe.directory` allows them.
    /// Its error carries libgit2's message alone, for the caller to say where it looked.
    /// `environment` supplies git's variables (`GIT_DIR`, `GIT_WORK_TREE`, `GIT_INDEX_FILE`, …).
    package static func discover(containing path: String, environment: [String: String] = [:]) throws(RepositoryError) -> LocalRepository? {
        do {
            return try GitRepository.discover(containing: path, environment: environment).map(LocalRepository.init)
        } catch let error as GitError {
            let kind: RepositoryError.Kind = error.isNotOwned ? .notOwned : error.isUnsupportedObjectFormat ? .unsupportedObjectFormat : .other
            throw RepositoryError(error.message, kind: kind)
        } catch {
            throw RepositoryError("\(error)")
        }
    }

    package var workTree: String? { git.workingDirectory }

    package func commit(_ revision: String) throws(RepositoryError) -> CommitID? {
        try Self.wrap { try git.commit(revision) }
    }

    package func snapshot(of folder: RelativePath, at commit: CommitID?) throws(RepositoryError) -> CommittedFolder {
        try Self.wrap { try git.snapshot(of: folder, at: commit) }
    }

    package func files(of snapshot: CommittedFolder, except held: (RelativePath, ObjectID) -> Bool) throws(RepositoryError) -> [RelativePath: [UInt8]] {
        try Self.wrap { try git.files(of: snapshot, except: held) }
    }

    package func folderTreeID(_ folder: RelativePath, at commit: CommitID?) throws(RepositoryError) -> String? {
        try Self.wrap { try git.folderTreeID(folder, at: commit) }
    }

    package func uncommittedChanges(under folder: RelativePath) throws(RepositoryError) -> [UncommittedChange] {
        try Self.wrap {
            try git.uncommittedChanges(under: folder)
        }
    }

    package func uncommittedState(under folder: RelativePath) throws(RepositoryError) -> UncommittedState {
        try Self.wrap {
            try git.uncommittedState(under: folder)
        }
    }

    package func currentBranch() throws(RepositoryError) -> String? {
        try Self.wrap { try git.currentBranch() }
    }

    package func tip(of branch: String) throws(RepositoryError) -> CommitID? {
        try Self.wrap { try git.tip(of: branch) }
    }

    package func configuredIdentity() -> Identity? {
        git.configuredIdentity()
    }

    package var signsCommits: Bool { git.configFlag("commit.gpgsign") }

    /// `core.sparseCheckout`, or a sparse-checkout file: `git sparse-checkout` writes the setting to
    /// `config.worktree`, which libgit2 1.5 does not read.
    package var isSparseCheckout: Bool {
        git.configFlag("core.sparseCheckout") || LocalFiles.kind(git.gitDirectory + "info/sparse-checkout") == .file
    }

    package func check(branch: String) throws(RepositoryError) -> BranchCheck {
        try Self.wrap { try git.check(branch: branch) }
    }

    package func indexFacts(under folder: RelativePath) throws(RepositoryError) -> IndexFacts {
        try Self.wrap { try git.indexFacts(under: folder) }
    }

    package func lockForWriting() throws(RepositoryError) -> LockAttempt {
        do {
            return try GitWriterLock.acquire(gitDirectory: git.gitDirectory, indexFile: git.indexFile)
        } catch {
            throw RepositoryError(error.message)
        }
    }

    package func tree(replacing folder: RelativePath, with files: [CommitFile], on base: CommitID?, known: CommittedFolder?) throws(RepositoryError) -> String {
        try Self.wrap { try git.tree(replacing: folder, with: files, on: base, known: known) }
    }

    package func treeID(of commit: CommitID) throws(RepositoryError) -> String {
        try Self.wrap { try git.treeID(of: commit) }
    }

    package func commit(tree: String, parent: CommitID?, message: String, author: Signature, committer: Signature) throws(RepositoryError) -> CommitID {
        try Self.wrap {
            try git.commit(tree: tree, parent: parent, message: message, author: author, committer: committer)
        }
    }

    package func moveBranch(_ branch: String, to commit: CommitID, expecting expected: CommitID?, log: String) throws(RepositoryError) -> BranchMove {
        try Self.wrap { try git.moveBranch(branch, to: commit, expecting: expected, log: log) }
    }

    package func updateIndex(under folder: RelativePath, setting entries: [IndexEntry], removing: [RelativePath]) throws(RepositoryError) {
        try Self.wrap {
            // Beside the index, on its file system, so that it can be linked and renamed over it.
            let indexFile = git.indexFile
            try git.updateEntries(under: folder, setting: entries, removing: removing, indexFile: indexFile, scratch: indexFile + ".mcapply")
        }
    }

    /// libgit2's errors as the store's, with the failing call and libgit2's message.
    private static func wrap<Result>(_ body: () throws -> Result) throws(RepositoryError) -> Result {
        do {
            return try body()
        } catch let error as GitError {
            throw RepositoryError(error.description)
        } catch {
            throw RepositoryError("\(error)")
        }
    }
}
