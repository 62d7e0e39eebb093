import MCBasics

/// Commits a rendered folder: the new tree is the branch tip's tree with only the folder replaced
/// (blobs from memory), the commit's parent is the tip read at the start, and the branch moves
/// only if it still points there (compare-and-swap). Nothing in the work tree or the index is
/// touched here: a caller brings them along after the swap (`RenderedFolder.bringAlong`), so
/// every failure before it leaves the repository as it was.
package struct FolderCommit: Sendable {
    /// What committing found.
    package enum Result: Sendable, Equatable {
        case committed(CommitID)
        /// The parent already holds this folder: no commit.
        case unchanged
        /// The branch moved between reading its tip and the swap: nothing committed.
        case raced
        /// Another process holds the branch's lock file: nothing committed.
        case locked
    }

    /// Steps a test may stop at (kill points) or act at (a concurrent push before the swap).
    package struct Hooks: Sendable {
        package var afterCommit: @Sendable () -> Void = {}
        package var beforeSwap: @Sendable () -> Void = {}
        package var afterSwap: @Sendable () -> Void = {}

        package init(afterCommit: @escaping @Sendable () -> Void = {}, beforeSwap: @escaping @Sendable () -> Void = {},
                     afterSwap: @escaping @Sendable () -> Void = {}) {
            self.afterCommit = afterCommit
            self.beforeSwap = beforeSwap
            self.afterSwap = afterSwap
        }
    }

    /// The branch (`refs/heads/…`).
    package var branch: String
    /// Its tip read at the start (nil: the branch does not exist yet).
    package var tip: CommitID?
    /// The new commit's parent: the tip, or HEAD's commit for a new branch.
    package var parent: CommitID?
    /// The rendered folder as committed at the parent (blob ids; `Repository.files(of:except:)`
    /// reads their contents).
    package var base: CommittedFolder
    /// Whether the branch is the one checked out (then the work tree and index follow the commit).
    package var isCheckedOut: Bool
    package var folder: RelativePath

    /// The full name of the branch to commit onto: `requested` (a name, or `refs/…` as given),
    /// else the checked-out branch; nil when neither (HEAD detached).
    package static func branchName(_ requested: String?, in repository: any Repository) throws(RepositoryError) -> String? {
        if let requested { return requested.hasPrefix("refs/") ? requested : "refs/heads/" + requested }
        return try repository.currentBranch()
    }

    /// Reads the branch's tip and the folder's tree there.
    package init(_ repository: any Repository, branch: String, folder: RelativePath) throws(RepositoryError) {
        let checkedOut = try repository.currentBranch()
        self.branch = branch
        tip = try repository.tip(of: branch)
        parent = tip
        if tip == nil, branch != checkedOut { parent = try repository.commit("HEAD") }
        base = try repository.snapshot(of: folder, at: parent)
        isCheckedOut = branch == checkedOut
        self.folder = folder
    }

    /// The branch's short name (`main` for `refs/heads/main`).
    package var shortBranch: String { branch.replacingOccurrences(of: "refs/heads/", with: "") }

    /// The root tree to commit: the parent's with the folder holding exactly `files` (only the
    /// objects the database lacks are stored). Nothing points at it until `commit(tree:…)`.
    package func tree(of files: [CommitFile], in repository: any Repository) throws(RepositoryError) -> String {
        try repository.tree(replacing: folder, with: files, on: parent, known: base)
    }

    /// Commits `newTree` (from `tree(of:in:)`) with `message`, then moves the branch if it still
    /// points at the tip. Before the swap, a checked-out branch's commit is noted on `lock` as
    /// pending, so a run that stops before the work tree follows leaves a state the next run knows.
    package func commit(
        tree newTree: String, to repository: any Repository, lock: any WriterLock, message: String,
        author: Signature, committer: Signature, hooks: Hooks = Hooks()
    ) throws(RepositoryError) -> Result {
        if let parent, try repository.treeID(of: parent) == newTree { return .unchanged }
        let commit = try repository.commit(tree: newTree, parent: parent, message: message, author: author, committer: committer)
        hooks.afterCommit()
        if isCheckedOut { try lock.record(PendingApply(folder: folder, from: tip, to: commit)) }
        hooks.beforeSwap()
        let moved: BranchMove
        do {
            moved = try repository.moveBranch(branch, to: commit, expecting: tip, log: "mcapply: commit the rendered folder")
        } catch {
            // The branch did not move: nothing is pending.
            if isCheckedOut { try? lock.record(nil) }
            throw error
        }
        switch moved {
        case .raced, .locked:
            if isCheckedOut { try lock.record(nil) }
            return moved == .raced ? .raced : .locked
        case .moved:
            hooks.afterSwap()
            return .committed(commit)
        }
    }
}
