import MCBasics
import MCRendering
import MCStore

/// What an apply reads before it needs the render: the writer lock, the branch and the folder as
/// committed at its tip, and git status under the folder. `ApplyOperation` reads it on a thread
/// of its own while the topology compiles and renders; every refusal that does not depend on the
/// render is decided here, in the order the apply has always checked them.
struct ApplyPreparation: Sendable {
    var folder: Workspace.Folder
    var lock: any WriterLock
    /// Nil without `--commit` outside a git work tree.
    var repository: (any Repository)?
    /// With `--commit`: the branch, its tip and the folder's blob ids there (no contents yet).
    var target: FolderCommit?
    /// False for a commit onto a branch that is not checked out: the work tree stays as it is.
    var writesWorkTree: Bool
    /// git status under the folder (empty when the work tree is not written).
    var uncommitted: [UncommittedChange]
    /// The commit whose files the folder was proved to hold exactly (see `UncommittedState`).
    var provedAt: CommitID? = nil
    /// The folder states a pending note accepts (see `RenderedFolder.handEdits`).
    var accepted: [CommittedFolder]

    /// How preparing ended.
    enum Ending: Sendable {
        case ready(ApplyPreparation)
        /// Stopped with an outcome before the render was needed; `lock` (if taken) is released
        /// once the apply ends.
        case stopped(ApplyOutcome, lock: (any WriterLock)?)

        var lock: (any WriterLock)? {
            switch self {
            case .ready(let preparation): preparation.lock
            case .stopped(_, let lock): lock
            }
        }
    }

    /// Takes the lock and reads what the apply needs before the render. The lock is released
    /// again if reading fails. `committed` is given the folder as committed at the branch's tip as
    /// soon as it is read (with `--commit`), for the render.
    static func prepare(_ workspace: Workspace, _ request: ApplyRequest, handing committed: Handoff<CommittedFolder>) throws(EnvironmentError) -> Ending {
        let folder = try workspace.folder()
        let repository = request.commit ? try workspace.repository() : try? workspace.repository()
        let attempt = try environment {
            try repository?.lockForWriting() ?? FolderWriterLock.acquire(writing: folder.path)
        }
        guard case .acquired(let lock) = attempt else {
            if case .held(let holder) = attempt { return .stopped(.locked(holder), lock: nil) }
            return .stopped(.failed(EnvironmentError("cannot take the writer lock")), lock: nil)
        }
        FaultPoint.reach("after-lock")
        do {
            return try read(folder: folder, repository: repository, lock: lock, request, handing: committed)
        } catch {
            lock.release()
            throw error
        }
    }

    private static func read(folder: Workspace.Folder, repository: (any Repository)?, lock: any WriterLock,
                             _ request: ApplyRequest, handing committed: Handoff<CommittedFolder>) throws(EnvironmentError) -> Ending {
        let disk = RenderedFolder(path: folder.path)
        func stop(_ refusal: ApplyRefusal) -> Ending { .stopped(.refused(refusal), lock: lock) }
        guard let repository else {
            if request.planFile != nil { throw EnvironmentError("--plan needs a git repository") }
            if !request.force, disk.isForeign { return stop(.notRendered) }
            return .ready(ApplyPreparation(folder: folder, lock: lock, repository: nil, target: nil, writesWorkTree: true,
                                           uncommitted: [], accepted: []))
        }
        var target: FolderCommit?
        if request.commit {
            guard let branch = try environment({ try FolderCommit.branchName(request.branch, in: repository) }) else {
                return stop(.detachedHead)
            }
            switch try environment({ try repository.check(branch: branch) }) {
            case .invalidName: return stop(.invalidBranch(request.branch ?? branch))
            case .checkedOutElsewhere: return stop(.checkedOutElsewhere(request.branch ?? branch))
            case .usable: break
            }
            if repository.signsCommits { return stop(.signingRequired) }
            target = try environment { try FolderCommit(repository, branch: branch, folder: folder.relative) }
            committed.give(target?.base)
        } else {
            // Without a commit the render keeps every byte (the work tree is compared with it): it
            // need not wait for the status read below.
            committed.give(nil)
        }
        let writesWorkTree = target?.isCheckedOut ?? true
        if let submodules = target?.base.submodules, !submodules.isEmpty { return stop(.submodules(submodules)) }
        if writesWorkTree, repository.isSparseCheckout {
            let sparse = try environment { try repository.indexFacts(under: folder.relative) }.skipWorktree
            if !sparse.isEmpty { return stop(.sparseCheckout(sparse)) }
        }
        let state = writesWorkTree ? try environment { try repository.uncommittedState(under: folder.relative) } : UncommittedState(changes: [])
        let uncommitted = state.changes
        var accepted: [CommittedFolder] = []
        if !request.force {
            let committedForeign = target.map { !$0.base.isEmpty && $0.base.id(at: RelativePath(components: [Manifest.fileName])) == nil } ?? false
            if committedForeign || (writesWorkTree && disk.isForeign) { return stop(.notRendered) }
            // A note whose commits are gone (collected as garbage since) accepts nothing.
            if writesWorkTree, let pending = lock.pending {
                accepted = [pending.from, pending.to].compactMap { commit in try? repository.snapshot(of: pending.folder, at: commit) }
            }
        }
        return .ready(ApplyPreparation(folder: folder, lock: lock, repository: repository, target: target, writesWorkTree: writesWorkTree,
                                       uncommitted: uncommitted, provedAt: state.provedAt, accepted: accepted))
    }
}
