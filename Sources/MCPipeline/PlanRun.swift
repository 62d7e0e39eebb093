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

/// Renders a valid topology and compares it with the rendered folder as committed at a base.
/// Reads only: nothing in the repository or its work tree is written.
package enum PlanRun {
    package static func plan(_ result: CompileResult, rendered: String?, base revision: String) throws -> PlanOutcome? {
        guard result.validated != nil, let location = result.location else { return nil }
        // The render runs beside the reads of git: neither needs the other until they are compared.
        let rendering = Background { Compiler.render(result) }
        let repository = try openRepository(location)
        let folder = try ApplyRun.folder(rendered, location: location).relative
        do {
            let commit = try repository.commit(revision)
            let snapshot = try repository.snapshot(of: folder, at: commit)
            let uncommitted = try repository.uncommittedChanges(under: folder).map { WorkTreeChange(path: $0.path, kind: $0.kind.rawValue) }
            guard let tree = rendering.value else { return nil }
            let files = try repository.files(of: snapshot, known: tree.blobsByID)
            let plan = Planner.plan(previous: PlanBase(files: files, uncommitted: uncommitted), rendered: tree,
                                    folder: folder.string, sourcePath: location.sourcePath)
            return PlanOutcome(plan: plan, tree: tree, folder: folder.string, baseCommit: commit, baseTree: snapshot.treeID)
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
