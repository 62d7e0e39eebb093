import MCBasics
import MCPlanning
import MCRendering
import MCStore

/// What `mcplan` computed, with where it compared.
package struct PlannedChange: Sendable {
    package var plan: Plan
    package var topologyDigest: String
    /// The rendered folder's path relative to the repository root.
    package var folder: String
    package var baseCommit: String?
    package var baseTree: String?
}

/// How a plan ended.
package enum PlanOutcome: Sendable {
    case planned(PlannedChange)
    /// `--check`: the topology is valid (nothing was planned).
    case checked
    /// The topology has errors: the diagnostics say which.
    case invalid
    /// The environment failed (the repository, a file, the clock).
    case failed(EnvironmentError)
}

/// A plan's outcome and the compile behind it (nil when compiling itself failed).
package struct PlanResult: Sendable {
    package var compiled: CompileResult?
    package var outcome: PlanOutcome
    /// What the plan rendered and read (the render, the committed side), held until the result
    /// goes: a command that exits the process at once then leaves their tens of thousands of
    /// objects and paths to the process's end instead of freeing them.
    package var held: [any Sendable] = []
}

/// `mcplan`: validates, renders in memory and compares with the rendered folder as committed at a
/// base. Reads only: nothing in the repository or its work tree is written. The committed side is
/// read on a thread of its own while the topology compiles, and joined before `run` returns; the
/// folder's blob ids at the base are handed to the render as soon as they are read.
package final class PlanOperation {
    private let workspace: Workspace
    private let revision: String

    package init(workspace: Workspace, base revision: String) {
        self.workspace = workspace
        self.revision = revision
    }

    package func run() -> PlanResult {
        let workspace = workspace
        let revision = revision
        let committed = Handoff<CommittedFolder>()
        let base = Background {
            defer { committed.give(nil) }
            return Result { () throws(EnvironmentError) in try Self.readBase(workspace, revision: revision, handing: committed) }
        }
        defer { _ = base.value }
        let (compiled, tree, location): (CompileResult, RenderedTree, RepositoryLocation)
        switch Compiler.compileAndRender(workspace, base: committed.wait) {
        case .failed(let error): return PlanResult(compiled: nil, outcome: .failed(error))
        case .invalid(let result): return PlanResult(compiled: result, outcome: .invalid)
        case .rendered(let result, let render, let at): (compiled, tree, location) = (result, render, at)
        }
        var held: [any Sendable] = [tree]
        do {
            let reading = try base.value.get()
            held.append(reading)
            let plan: Plan
            if tree.isCommitted(as: reading.snapshot) {
                plan = Planner.unchanged(tree, uncommitted: reading.uncommitted, sourcePath: location.sourcePath)
            } else {
                // Only the committed files that differ from the render are read.
                let files = try environment { try reading.repository.files(of: reading.snapshot, except: tree.holds(_:as:)) }
                held.append(files)
                plan = Planner.plan(previous: PlanBase(committed: reading.snapshot, read: files, rendered: tree, uncommitted: reading.uncommitted),
                                    rendered: tree, folder: reading.folder.string, sourcePath: location.sourcePath)
            }
            return PlanResult(compiled: compiled, outcome: .planned(PlannedChange(
                plan: plan, topologyDigest: tree.topologyDigest, folder: reading.folder.string,
                baseCommit: reading.commit, baseTree: reading.snapshot.treeID)), held: held)
        } catch {
            return PlanResult(compiled: compiled, outcome: .failed(error), held: held)
        }
    }

    /// The committed side of a plan: the rendered folder at the base commit (blob ids) and the
    /// uncommitted changes under it.
    private struct BaseReading: Sendable {
        var repository: any Repository
        var folder: RelativePath
        var commit: CommitID?
        var snapshot: CommittedFolder
        var uncommitted: [UncommittedChange]
    }

    /// `committed` is given the snapshot as soon as it is read.
    private static func readBase(_ workspace: Workspace, revision: String, handing committed: Handoff<CommittedFolder>) throws(EnvironmentError) -> BaseReading {
        let repository = try workspace.repository()
        let folder = try workspace.folder().relative
        return try environment {
            let commit = try repository.commit(revision)
            let snapshot = try repository.snapshot(of: folder, at: commit)
            committed.give(snapshot)
            return BaseReading(repository: repository, folder: folder, commit: commit, snapshot: snapshot,
                               uncommitted: try repository.uncommittedChanges(under: folder))
        }
    }
}

/// `mcplan --check`: validates the topology alone, no repository needed (editors, pre-commit
/// hooks). Nothing is rendered or read from git.
package final class CheckOperation {
    private let workspace: Workspace

    package init(workspace: Workspace) {
        self.workspace = workspace
    }

    package func run() -> PlanResult {
        do {
            let compiled = try Compiler.compile(workspace)
            return PlanResult(compiled: compiled, outcome: compiled.hasErrors ? .invalid : .checked)
        } catch {
            return PlanResult(compiled: nil, outcome: .failed(error))
        }
    }
}

extension PlanOutcome {
    /// Whether `--check` found the topology valid.
    package var isChecked: Bool {
        if case .checked = self { true } else { false }
    }
}
