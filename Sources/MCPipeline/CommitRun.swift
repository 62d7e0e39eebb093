import Foundation
import MCFiles
import MCGit
import MCPlanning
import MCRendering

/// What `mcapply --commit` did.
package enum CommitOutcome: Sendable {
    case committed(commit: String, branch: String, plan: Plan)
    case noChanges(branch: String)
    /// The branch moved between reading its tip and the swap: nothing committed.
    case raced(branch: String)
}

/// Commits the rendered folder through libgit2: the new tree is the branch tip's tree with only
/// the folder replaced (blobs from memory), the commit's parent is the tip read at the start, and
/// the branch moves only if it still points there.
package enum CommitRun {
    /// The parsed `--author "Name <email>"`.
    package static func identity(_ text: String) -> GitIdentity? {
        guard let open = text.firstIndex(of: "<"), text.hasSuffix(">") else { return nil }
        let name = text[..<open].trimmingCharacters(in: .whitespaces)
        let email = text[text.index(after: open)..<text.index(before: text.endIndex)]
        guard !name.isEmpty, !email.isEmpty else { return nil }
        return GitIdentity(name: name, email: String(email))
    }

    /// Where the commit goes and what it is compared with.
    package struct Target: Sendable {
        package var branch: String
        /// The branch tip read at the start (nil: the branch does not exist yet).
        package var tip: GitCommitID?
        /// The new commit's parent: the tip, or HEAD's commit for a new branch.
        package var parent: GitCommitID?
        /// The rendered folder as committed at the parent.
        package var base: GitFolderSnapshot
        /// Its files' contents.
        package var baseFiles: [RelativePath: [UInt8]]
        /// Whether the branch is the one checked out (then the index follows the commit).
        package var isCheckedOut: Bool
    }

    /// - Parameter known: blobs the caller holds (`RenderedTree.blobsByID`), not read again.
    package static func target(
        _ repository: GitRepository, branch: String?, folder: RelativePath, known: [GitObjectID: [UInt8]]
    ) throws -> Target {
        let checkedOut = try repository.currentBranch()
        guard let name = branch.map({ $0.hasPrefix("refs/") ? $0 : "refs/heads/" + $0 }) ?? checkedOut else {
            throw PipelineError("HEAD is detached; name the branch to commit onto with --branch")
        }
        let tip = try repository.tip(of: name)
        var parent = tip
        if tip == nil, name != checkedOut { parent = try repository.commit("HEAD") }
        let base = try repository.snapshot(of: folder, at: parent)
        return Target(branch: name, tip: tip, parent: parent, base: base, baseFiles: try repository.files(of: base, known: known),
                      isCheckedOut: name == checkedOut)
    }

    package static func commit(
        _ tree: RenderedTree, plan: Plan, folder: RelativePath, target: Target, repository: GitRepository,
        message: String?, author: GitIdentity, beforeSwap: () -> Void = {}
    ) throws -> CommitOutcome {
        let short = target.branch.replacingOccurrences(of: "refs/heads/", with: "")
        let newTree = try repository.tree(replacing: folder, with: tree.files.map { ($0.path, $0.bytes) }, on: target.parent)
        if let parent = target.parent, try repository.treeID(of: parent) == newTree {
            // A run killed after its swap left the index behind; this one brings it in line.
            if target.isCheckedOut { try repository.stageFolder(folder, files: tree.files.map(\.path)) }
            return .noChanges(branch: short)
        }
        let text = (message ?? defaultMessage(plan)) + "\n\nTopology-Digest: \(tree.topologyDigest)\nPlan-Digest: \(digest(plan))\n"
        let commit = try repository.commit(tree: newTree, parent: target.parent, message: text, author: author,
                                           time: Int64(Date().timeIntervalSince1970))
        FaultPoint.reach("after-commit")
        beforeSwap()
        switch try repository.moveBranch(target.branch, to: commit, expecting: target.tip, log: "mcapply: commit the rendered folder") {
        case .raced:
            return .raced(branch: short)
        case .moved:
            FaultPoint.reach("after-swap")
            if target.isCheckedOut { try repository.stageFolder(folder, files: tree.files.map(\.path)) }
            return .committed(commit: commit, branch: short, plan: plan)
        }
    }

    /// `mcapply: X to add, Y to change, Z to destroy` and the changes per cluster.
    static func defaultMessage(_ plan: Plan) -> String {
        var text = "mcapply: \(plan.add) to add, \(plan.change) to change, \(plan.destroy) to destroy"
        let byCluster = Dictionary(grouping: plan.changes, by: \.cluster)
        for cluster in byCluster.keys.sorted() {
            text += "\n\n\(cluster):"
            for change in byCluster[cluster]! {
                let mark = switch change.action { case .add: "+"; case .change: "~"; case .destroy: "-" }
                text += "\n  \(mark) \(change.id) (\(change.reason))"
            }
        }
        return text
    }

    /// sha256 over what the plan changes: each file's action and path, and each object change.
    static func digest(_ plan: Plan) -> String {
        var lines = plan.files.map { "file \($0.action.rawValue) \($0.path)" }
        lines += plan.changes.map { "object \($0.action.rawValue) \($0.cluster) \($0.id)" }
        return Manifest.digest(Array(lines.joined(separator: "\n").utf8))
    }
}
