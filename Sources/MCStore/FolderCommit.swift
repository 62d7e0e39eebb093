import MCBasics

/// Commits a rendered folder: the new tree is the branch tip's tree with only the folder replaced
/// (blobs from memory), the commit's parent is the tip read at the start, and the branch moves
/// only if it still points there (compare-and-swap).
package struct FolderCommit: Sendable {
    /// What committing found.
    package enum Result: Sendable, Equatable {
        case committed(CommitID)
        /// The parent already holds this folder: no commit (the index is brought in line).
        case unchanged
        /// The branch moved between reading its tip and the swap: nothing committed.
        case raced
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
    /// The rendered folder as committed at the parent.
    package var base: CommittedFolder
    /// Its files' contents.
    package var baseFiles: [RelativePath: [UInt8]]
    /// Whether the branch is the one checked out (then the index follows the commit).
    package var isCheckedOut: Bool
    package var folder: RelativePath

    /// Where the commit goes: `branch` (a name or `refs/…`), else the checked-out branch.
    /// - Parameter known: blobs the caller holds (its render), not read again.
    package init(_ repository: any Repository, branch: String?, folder: RelativePath, known: [ObjectID: [UInt8]]) throws(RepositoryError) {
        let checkedOut = try repository.currentBranch()
        guard let name = branch.map({ $0.hasPrefix("refs/") ? $0 : "refs/heads/" + $0 }) ?? checkedOut else {
            throw RepositoryError("HEAD is detached; name the branch to commit onto with --branch")
        }
        self.branch = name
        tip = try repository.tip(of: name)
        parent = tip
        if tip == nil, name != checkedOut { parent = try repository.commit("HEAD") }
        base = try repository.snapshot(of: folder, at: parent)
        baseFiles = try repository.files(of: base, known: known)
        isCheckedOut = name == checkedOut
        self.folder = folder
    }

    /// The branch's short name (`main` for `refs/heads/main`).
    package var shortBranch: String { branch.replacingOccurrences(of: "refs/heads/", with: "") }

    /// Commits `files` as the folder with `message`, then moves the branch if it still points at the tip.
    package func commit(
        _ files: [(path: RelativePath, bytes: [UInt8])], to repository: any Repository, message: String, author: Identity,
        time: Int64, hooks: Hooks = Hooks()
    ) throws(RepositoryError) -> Result {
        let newTree = try repository.tree(replacing: folder, with: files, on: parent)
        if let parent, try repository.treeID(of: parent) == newTree {
            // A run killed after its swap left the index behind; this one brings it in line.
            if isCheckedOut { try repository.stageFolder(folder, files: files.map(\.path)) }
            return .unchanged
        }
        let commit = try repository.commit(tree: newTree, parent: parent, message: message, author: author, time: time)
        hooks.afterCommit()
        hooks.beforeSwap()
        switch try repository.moveBranch(branch, to: commit, expecting: tip, log: "mcapply: commit the rendered folder") {
        case .raced:
            return .raced
        case .moved:
            hooks.afterSwap()
            if isCheckedOut { try repository.stageFolder(folder, files: files.map(\.path)) }
            return .committed(commit)
        }
    }
}
