import MCPlanning

/// The commit message mcapply writes by default: `mcapply: X to add, Y to change, Z to destroy`
/// (after what the mesh gains and loses, when it does), the mesh changes, and the changes per
/// cluster, each with its reason.
package enum CommitMessage {
    package static func text(_ plan: Plan) -> String {
        // The subject counts objects, or what the mesh gains and loses when no object changes
        // (an export changes only a Component): never "0 to add, 0 to change, 0 to destroy" for a change.
        let mesh = MeshText.counts(plan.mesh)
        var text = "mcapply: " + (plan.changes.isEmpty && !mesh.isEmpty ? mesh.joined(separator: ", ")
            : PlanSummary.counts(add: plan.add, change: plan.change, destroy: plan.destroy))
        let lines = MeshText.lines(plan.mesh)
        if !lines.isEmpty {
            text += "\n\nmesh:" + lines.map { "\n  \($0.mark) \($0.text)" }.joined()
        }
        let byCluster = Dictionary(grouping: plan.changes, by: \.cluster)
        for cluster in byCluster.keys.sorted() {
            text += "\n\n\(cluster):"
            for change in byCluster[cluster]! {
                let mark = switch change.action { case .add: "+"; case .change: "~"; case .destroy: "-" }
                text += "\n  \(mark) \(change.id) (\(ReasonText.describe(change.reason, sourcePath: plan.sourcePath)))"
            }
        }
        return text
    }
}
