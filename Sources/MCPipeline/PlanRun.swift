import Foundation
import MCFiles
import MCGit
import MCPlanning
import MCRendering

/// What `mcplan` computed: the plan, and where it was compared.
package struct PlanOutcome: Sendable {
    package var plan: Plan
    package var tree: RenderedTree
    /// The rendered folder's path relative to the repository root.
    package var folder: String
    package var baseCommit: String?
    package var baseTree: String?
}

/// The committed side of a plan: the rendered folder at the base commit (blob ids) and the
/// uncommitted changes under it. Read on a thread of its own while the topology compiles.
package struct BaseReading: Sendable {
    package var folder: RelativePath
    package var commit: GitCommitID?
    package var snapshot: GitFolderSnapshot
    package var uncommitted: [WorkTreeChange]
}

/// Renders a valid topology and compares it with the rendered folder as committed at a base.
/// Reads only: nothing in the repository or its work tree is written.
package enum PlanRun {
    /// Starts reading the base; its errors wait until the topology is known to be valid.
    package static func readBase(topologyPath: String, rendered: String?, revision: String) -> Background<Result<BaseReading, PipelineError>> {
        Background { Result { () throws(PipelineError) in try read(topologyPath: topologyPath, rendered: rendered, revision: revision) } }
    }

    private static func read(topologyPath: String, rendered: String?, revision: String) throws(PipelineError) -> BaseReading {
        do {
            let location = try RepositoryLocation.locate(topologyPath: topologyPath, isStandardInput: topologyPath == FrontEnd.standardInput)
            let repository = try openRepository(location)
            let folder = try ApplyRun.folder(rendered, location: location).relative
            let commit = try repository.commit(revision)
            return BaseReading(
                folder: folder, commit: commit, snapshot: try repository.snapshot(of: folder, at: commit),
                uncommitted: try repository.uncommittedChanges(under: folder).map { WorkTreeChange(path: $0.path, kind: $0.kind.rawValue) })
        } catch let error as PipelineError {
            throw error
        } catch {
            throw PipelineError((error as? GitError)?.description ?? "\(error)")
        }
    }

    package static func plan(_ result: CompileResult, base reading: Background<Result<BaseReading, PipelineError>>) throws -> PlanOutcome? {
        guard let tree = Compiler.render(result), let location = result.location else { return nil }
        let base = try reading.value.get()
        do {
            // Only the committed files that differ from the render are read.
            let files = try openRepository(location).files(of: base.snapshot, known: tree.blobsByID)
            let plan = Planner.plan(previous: PlanBase(files: files, uncommitted: base.uncommitted), rendered: tree,
                                    folder: base.folder.string, sourcePath: location.sourcePath)
            return PlanOutcome(plan: plan, tree: tree, folder: base.folder.string, baseCommit: base.commit, baseTree: base.snapshot.treeID)
        } catch let error as GitError {
            throw PipelineError(error.description)
        }
    }

    /// The repository the topology lives in: planning compares with what git holds.
    package static func openRepository(_ location: RepositoryLocation) throws -> GitRepository {
        let repository: GitRepository?
        do {
            repository = try GitRepository.discover(containing: location.root)
        } catch let error as GitError {
            throw PipelineError(error.description)
        }
        guard let repository, repository.workingDirectory != nil else {
            throw PipelineError("'\(location.root)' is not inside a git work tree; mcplan compares the render with what git holds (run 'git init' first)")
        }
        return repository
    }
}
