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
}

/// How an apply ended.
package enum ApplyOutcome: Sendable {
    /// The topology has errors: the diagnostics say which.
    case invalid
    /// The folder was written (or was up to date), no commit asked for.
    case written(FolderWrite)
    /// The folder was written and committed.
    case committed(commit: String, branch: String, plan: Plan, write: FolderWrite)
    /// The branch already holds this render: no commit.
    case alreadyCommitted(branch: String, write: FolderWrite)
    /// The branch moved while mcapply ran: nothing committed (the work tree's folder is rendered).
    case raced(branch: String)
    /// `--plan` no longer matches the topology or the committed folder: nothing written.
    case stalePlan
    case refused(ApplyRefusal)
    case failed(EnvironmentError)
}

/// An apply's outcome and the compile behind it (nil when compiling itself failed).
package struct ApplyResult: Sendable {
    package var compiled: CompileResult?
    package var outcome: ApplyOutcome
    /// The render, held until the result goes (see `PlanResult.render`).
    package var render: RenderedTree?
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
        let (compiled, tree, location): (CompileResult, RenderedTree, RepositoryLocation)
        switch Compiler.compileAndRender(workspace) {
        case .failed(let error): return ApplyResult(compiled: nil, outcome: .failed(error))
        case .invalid(let result): return ApplyResult(compiled: result, outcome: .invalid)
        case .rendered(let result, let render, let at): (compiled, tree, location) = (result, render, at)
        }
        do {
            return ApplyResult(compiled: compiled, outcome: try apply(tree, location: location), render: tree)
        } catch {
            return ApplyResult(compiled: compiled, outcome: .failed(error), render: tree)
        }
    }

    private func apply(_ tree: RenderedTree, location: RepositoryLocation) throws(EnvironmentError) -> ApplyOutcome {
        let folder = try workspace.folder()
        let disk = RenderedFolder(path: folder.path)
        let repository = request.commit ? try workspace.repository() : try? workspace.repository()
        if let repository, !request.force {
            let edits = try environment { try disk.handEdits(folder.relative, in: repository, against: tree) }
            guard edits.isEmpty else { return .refused(.handEdits(edits)) }
        }
        var target: FolderCommit?
        if request.commit, let repository {
            target = try environment { try FolderCommit(repository, branch: request.branch, folder: folder.relative, known: tree.blobsByID) }
        }
        if let planFile = request.planFile {
            let saved = try SavedPlan.read(planFile)
            guard let repository else { throw EnvironmentError("--plan needs a git repository") }
            var baseTree = target?.base.treeID
            if baseTree == nil {
                baseTree = try environment { try repository.folderTreeID(folder.relative, at: repository.commit("HEAD")) }
            }
            guard saved.matches(topologyDigest: tree.topologyDigest, renderedTree: baseTree) else { return .stalePlan }
        }
        if tree.clusters.isEmpty, !request.allowEmpty, disk.holdsClusterFolders || target?.baseFiles.isEmpty == false {
            return .refused(.emptyRender)
        }
        let write = FolderWrite(try environment { try disk.replace(with: tree) })
        FaultPoint.reach("after-write")
        guard let target, let repository else { return .written(write) }
        let plan = Planner.plan(previous: PlanBase(files: target.baseFiles), rendered: tree, folder: folder.relative.string,
                                sourcePath: location.sourcePath)
        let author = request.author.flatMap(ApplyRequest.identity) ?? repository.configuredIdentity()
            ?? Identity(name: "mcapply", email: "mcapply@localhost")
        let message = (request.message ?? request.commitMessage(plan))
            + "\n\nTopology-Digest: \(tree.topologyDigest)\nPlan-Digest: \(Self.digest(plan))\n"
        let hooks = FolderCommit.Hooks(afterCommit: { FaultPoint.reach("after-commit") }, beforeSwap: Self.testHookBeforeSwap,
                                       afterSwap: { FaultPoint.reach("after-swap") })
        let result = try environment {
            try target.commit(tree.files.map { ($0.path, $0.bytes) }, to: repository, message: message, author: author,
                              time: Int64(Date().timeIntervalSince1970), hooks: hooks)
        }
        switch result {
        case .committed(let commit): return .committed(commit: commit, branch: target.shortBranch, plan: plan, write: write)
        case .unchanged: return .alreadyCommitted(branch: target.shortBranch, write: write)
        case .raced: return .raced(branch: target.shortBranch)
        }
    }

    /// sha256 over what the plan changes: each file's action and path, and each object change.
    static func digest(_ plan: Plan) -> String {
        var lines = plan.files.map { "file \($0.action.rawValue) \($0.path)" }
        lines += plan.changes.map { "object \($0.action.rawValue) \($0.cluster) \($0.id)" }
        return Digest.sha256(Array(lines.joined(separator: "\n").utf8))
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
