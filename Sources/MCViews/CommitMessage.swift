import MCPlanning

/// The commit message mcapply writes by default: `mcapply: X to add, Y to change, Z to destroy`
/// (after what the mesh gains and loses, when it does), the mesh changes, and the changes per
/// cluster, each with its reason. A message lists at most `listedLines` changes, half of them for
/// the mesh when it has that many: a first apply of a large mesh would list hundreds of thousands
/// (18 MB at 500 clusters), which no one reads in `git log` and every later read of the commit
/// pays for. What it leaves out it counts; the plan lists every change.
package enum CommitMessage {
    /// The most change lines one message lists, mesh and objects together.
    package static let listedLines = 1_000

    package static func text(_ plan: Plan) -> String {
        // The subject counts objects, or what the mesh gains and loses when no object changes
        // (an export changes only a Component): never "0 to add, 0 to change, 0 to destroy" for a change.
        let mesh = MeshText.counts(plan.mesh)
        var text = "mcapply: " + (plan.changes.isEmpty && !mesh.isEmpty ? mesh.joined(separator: ", ")
            : PlanSummary.counts(add: plan.add, change: plan.change, destroy: plan.destroy))
        let (meshLines, meshTotal) = MeshText.lines(plan.mesh, limit: listedLines / 2)
        if !meshLines.isEmpty {
            text += "\n\nmesh:"
            for line in meshLines { text += "\n  \(line.mark) \(line.text)" }
            if meshTotal > meshLines.count { text += "\n  … and \(meshTotal - meshLines.count) more" }
        }
        var budget = listedLines - meshLines.count
        // Positions, not copies of the changes: a first apply has tens of thousands.
        let all = plan.changes
        let byCluster = Dictionary(grouping: all.indices, by: { all[$0].cluster })
        let clusters = byCluster.keys.sorted()
        for (index, cluster) in clusters.enumerated() {
            let changes = byCluster[cluster]!
            guard budget > 0 else {
                let rest = clusters[index...]
                let count = rest.reduce(0) { $0 + byCluster[$1]!.count }
                text += "\n\n… and \(rest.count) more cluster\(rest.count == 1 ? "" : "s") with \(count) change\(count == 1 ? "" : "s")"
                break
            }
            text += "\n\n\(cluster):"
            for position in changes.prefix(budget) {
                let change = all[position]
                let mark = switch change.action { case .add: "+"; case .change: "~"; case .destroy: "-" }
                text += "\n  \(mark) \(change.id) (\(ReasonText.describe(change.reason, sourcePath: plan.sourcePath)))"
            }
            if changes.count > budget { text += "\n  … and \(changes.count - budget) more" }
            budget -= min(budget, changes.count)
        }
        return text
    }
}
