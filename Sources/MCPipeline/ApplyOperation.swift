import Foundation
import MCBasics
import MCMesh
import MCPlanning
import MCRendering
import MCStore

/// What `mcapply` is asked to do, beyond the workspace.
package struct ApplyRequest: Sendable {
    package var commit = false
    /// `-m`; nil: the message `commitMessage` makes of the plan.
    package var message: String?
    /// `--author "Name <email>"`, already checked with `ApplyRequest.identity`.
    package var author: String?
    package var branch: String?
    package var planFile: String?
    package var force = false
    package var allowEmpty = false
    /// The commit message's subject and body for a plan (a view's wording).
    package var commitMessage: @Sendable (Plan) -> String = { _ in "mcapply" }

    package init() {}

    /// Whether `--author` looks like `Name <email>`.
    package static func isAuthor(_ text: String) -> Bool { identity(text) != nil }

    static func identity(_ text: String) -> Identity? {
        guard let open = text.firstIndex(of: "<"), text.hasSuffix(">") else { return nil }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let email = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard !name.isEmpty, !email.isEmpty else { return nil }
        return Identity(name: name, email: String(email))
    }
}

/// What writing the folder did, for the reports.
package struct FolderWrite: Sendable {
    /// Files written (created or replaced), sorted.
    package var written: [String]
    package var removed: [String]
    /// Objects added, changed and destroyed, counted by their files (one object per file).
    package var add: Int
    package var change: Int
    package var destroy: Int
    package var changed: Bool
    /// Clusters whose folder had a file written or removed.
    package var clusters: Int

    init(_ summary: FolderWriteSummary) {
        written = (summary.created + summary.updated).sorted().map(\.string)
        removed = summary.removed.map(\.string)
        add = summary.created.filter(MeshLayout.isObjectFile).count
        change = summary.updated.filter(MeshLayout.isObjectFile).count
        destroy = summary.removed.filter(MeshLayout.isObjectFile).count
        changed = summary.changed
        clusters = Set((summary.created + summary.updated + summary.removed).compactMap(MeshLayout.cluster(of:))).count
    }
}

/// Why mcapply refused before writing anything.
package enum ApplyRefusal: Sendable {
    /// Uncommitted changes under the folder that applying would overwrite.
    case handEdits([RelativePath])
    /// The render removes every cluster folder.
    case emptyRender
    /// The folder holds files (in the work tree or the commit) but no `.mcapply.json`.
    case notRendered
    /// `--branch` names no branch git accepts.
    case invalidBranch(String)
    /// The branch is checked out in another worktree.
    case checkedOutElsewhere(String)
    /// HEAD is detached and no `--branch` was given.
    case detachedHead
    /// `commit.gpgsign` asks for a signature mcapply cannot make.
    case signingRequired
    /// Submodules committed inside the folder, which committing the folder would drop.
    case submodules([RelativePath])
    /// A sparse checkout leaves these files of the folder out of the work tree.
    case sparseCheckout([RelativePath])
}

/// How an apply ended.
package enum ApplyOutcome: Sendable {
    /// The topology has errors: the diagnostics say which.
    case invalid
    /// The folder was written (or was up to date), no commit asked for.
    case written(FolderWrite)
    /// The folder was committed, then written, and the index records it.
    case committed(commit: String, branch: String, plan: Plan, write: FolderWrite)
    /// The branch already holds this render: no commit.
    case alreadyCommitted(branch: String, write: FolderWrite)
    /// The branch moved while mcapply ran: nothing committed, nothing written.
    case raced(branch: String)
    /// Another process holds the branch's lock file: nothing committed, nothing written.
    case branchLocked(branch: String)
    /// Another mcapply or git process is writing: nothing done.
    case locked(LockHolder)
    /// `--plan` no longer matches the topology or the committed folder: nothing written.
    case stalePlan
    case refused(ApplyRefusal)
    /// Nothing changed.
    case failed(EnvironmentError)
    /// Without `--commit`: writing stopped part way; the folder is partly the render.
    case partlyWritten(EnvironmentError)
    /// The commit landed and the branch holds the render, but the work tree or the index could
    /// not be brought along (a rerun finishes it).
    case committedBehind(commit: String, branch: String, plan: Plan, cause: EnvironmentError)
}

/// An apply's outcome and the compile behind it (nil when compiling itself failed).
package struct ApplyResult: Sendable {
    package var compiled: CompileResult?
    package var outcome: ApplyOutcome
    /// What the apply rendered and read, held until the result goes (see `PlanResult.held`).
    package var held: [any Sendable] = []
}

/// `mcapply`: validates and renders the topology, makes the rendered folder in the work tree
/// equal to the render and, with `commit`, commits it. Everything that can refuse happens
/// before anything is written.
package final class ApplyOperation {
    private let workspace: Workspace
    private let request: ApplyRequest

    package init(workspace: Workspace, request: ApplyRequest) {
        self.workspace = workspace
        self.request = request
    }

    package func run() -> ApplyResult {
        let workspace = workspace
        let request = request
        let committed = Handoff<CommittedFolder>()
        let preparing = Background {
            defer { committed.give(nil) }
            return Result { () throws(EnvironmentError) in try ApplyPreparation.prepare(workspace, request, handing: committed) }
        }
        defer { (try? preparing.value.get())?.lock?.release() }
        let (compiled, tree, location): (CompileResult, RenderedTree, RepositoryLocation)
        switch Compiler.compileAndRender(workspace, base: committed.wait) {
        case .failed(let error): return ApplyResult(compiled: nil, outcome: .failed(error))
        case .invalid(let result): return ApplyResult(compiled: result, outcome: .invalid)
        case .rendered(let result, let render, let at): (compiled, tree, location) = (result, render, at)
        }
        var held: [any Sendable] = [tree]
        do {
            switch try preparing.value.get() {
            case .stopped(let outcome, _): return ApplyResult(compiled: compiled, outcome: outcome, held: held)
            case .ready(let prepared):
                // What was read before the render is held too: freeing it would be the last work.
                held.append(prepared)
                return ApplyResult(compiled: compiled, outcome: try apply(tree, location: location, prepared), held: held)
            }
        } catch {
            return ApplyResult(compiled: compiled, outcome: .failed(error), held: held)
        }
    }

    /// Once the render and the preparation are both done: the checks that need the render, then
    /// the commit and the write.
    private func apply(_ tree: RenderedTree, location: RepositoryLocation, _ prepared: ApplyPreparation) throws(EnvironmentError) -> ApplyOutcome {
        let disk = RenderedFolder(path: prepared.folder.path)
        let folder = prepared.folder
        guard let repository = prepared.repository else {
            if !tree.hasClusters, !request.allowEmpty, disk.holdsClusterFolders { return .refused(.emptyRender) }
            return write(tree, to: disk)
        }
        let (target, lock, writesWorkTree) = (prepared.target, prepared.lock, prepared.writesWorkTree)
        if !request.force, writesWorkTree {
            let edits = disk.handEdits(prepared.uncommitted, against: tree, accepting: prepared.accepted)
            guard edits.isEmpty else { return .refused(.handEdits(edits)) }
        }
        if let planFile = request.planFile {
            let saved = try SavedPlan.read(planFile)
            var baseTree = target?.base.treeID
            if baseTree == nil {
                baseTree = try environment { try repository.folderTreeID(folder.relative, at: repository.commit("HEAD")) }
            }
            guard saved.matches(topologyDigest: tree.topologyDigest, renderedTree: baseTree) else { return .stalePlan }
        }
        if !tree.hasClusters, !request.allowEmpty, (writesWorkTree && disk.holdsClusterFolders) || target?.base.isEmpty == false {
            return .refused(.emptyRender)
        }
        guard let target else { return write(tree, to: disk) }

        // Who signs is settled before anything is stored: without an identity nothing is written.
        let requested = request.author.flatMap(ApplyRequest.identity)
        let people = try CommitSignatures(requested: requested, configured: repository.configuredIdentity(), environment: workspace.environment,
                                          now: Date())
        let buildTree = { @Sendable () -> Result<String, RepositoryError> in
            Result { () throws(RepositoryError) in
                try target.tree(of: tree.files.map { CommitFile(path: $0.path, id: $0.id, bytes: $0.bytes) }, in: repository)
            }
        }
        let plan: Plan
        let newTree: Result<String, RepositoryError>
        if tree.isCommitted(as: target.base) {
            plan = Planner.unchanged(tree, uncommitted: [], sourcePath: location.sourcePath)
            newTree = buildTree()
        } else {
            // Only the committed files that differ from the render are read. The new tree is then
            // built beside the planning, which does not use the repository.
            // The committed manifest only feeds the diffs and the drift, which mcapply does not show.
            let manifest = RelativePath(components: [Manifest.fileName])
            let baseFiles = try environment { try repository.files(of: target.base, except: { tree.holds($0, as: $1) || $0 == manifest }) }
            let building = Background(buildTree)
            plan = Planner.plan(previous: PlanBase(committed: target.base, read: baseFiles, rendered: tree, unread: [manifest]), rendered: tree,
                                folder: folder.relative.string,
                                sourcePath: location.sourcePath, details: false)
            newTree = building.value
        }
        let message = (request.message ?? request.commitMessage(plan))
            + "\n\nTopology-Digest: \(tree.topologyDigest)\nPlan-Digest: \(Self.digest(plan))\n"
        let hooks = FolderCommit.Hooks(afterCommit: { FaultPoint.reach("after-commit") }, beforeSwap: Self.testHookBeforeSwap,
                                       afterSwap: { FaultPoint.reach("after-swap") })
        let result = try environment {
            try target.commit(tree: newTree.get(), to: repository, lock: lock, message: message, author: people.author,
                              committer: people.committer, hooks: hooks)
        }
        let commit: String?
        switch result {
        case .raced: return .raced(branch: target.shortBranch)
        case .locked: return .branchLocked(branch: target.shortBranch)
        case .unchanged: commit = nil
        case .committed(let id): commit = id
        }
        var write = FolderWrite(FolderWriteSummary())
        if target.isCheckedOut {
            do throws(FolderWriteFailure) {
                write = FolderWrite(try disk.bringAlong(tree, base: target.base, uncommitted: prepared.uncommitted,
                                                        proved: prepared.provedAt != nil && prepared.provedAt == target.parent,
                                                        folder: folder.relative, in: repository, lock: lock,
                                                        afterWriting: FaultPoint.afterWriting, afterWrite: { FaultPoint.reach("after-write") }))
            } catch {
                return .committedBehind(commit: commit ?? target.parent ?? "", branch: target.shortBranch, plan: plan, cause: EnvironmentError(error.cause))
            }
            FaultPoint.reach("after-index")
        }
        guard let commit else { return .alreadyCommitted(branch: target.shortBranch, write: write) }
        return .committed(commit: commit, branch: target.shortBranch, plan: plan, write: write)
    }

    /// Without `--commit`, once the refusals are checked: makes the folder equal to the render.
    private func write(_ tree: RenderedTree, to disk: RenderedFolder) -> ApplyOutcome {
        do {
            let write = FolderWrite(try disk.replace(with: tree, afterWriting: FaultPoint.afterWriting))
            FaultPoint.reach("after-write")
            return .written(write)
        } catch {
            return error.changedFolder ? .partlyWritten(EnvironmentError(error.cause)) : .failed(EnvironmentError(error.cause))
        }
    }

    /// sha256 over what the plan changes: each file's action and path, and each object change.
    /// The lines, joined by line feeds, are written straight into one buffer (a first apply has
    /// a hundred thousand).
    static func digest(_ plan: Plan) -> String {
        var text: [UInt8] = []
        text.reserveCapacity((plan.files.count + plan.changes.count) * 100)
        func add(_ line: String) {
            if !text.isEmpty { text.append(UInt8(ascii: "\n")) }
            text.append(utf8: line)
        }
        for file in plan.files { add("file \(file.action.rawValue) \(file.path)") }
        for change in plan.changes { add("object \(change.action.rawValue) \(change.cluster) \(change.id)") }
        return Digest.sha256(text)
    }

    /// Tests only: a shell command run between creating the commit and moving the branch, to
    /// stage a concurrent push (`MCAPPLY_TEST_BEFORE_SWAP`).
    private static func testHookBeforeSwap() {
        guard let command = ProcessInfo.processInfo.environment["MCAPPLY_TEST_BEFORE_SWAP"] else { return }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        try? process.run()
        process.waitUntilExit()
    }
}
