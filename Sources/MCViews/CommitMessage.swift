import MCPlanning

/// The commit message mcapply writes by default: `mcapply: X to add, Y to change, Z to destroy`
/// and the changes per cluster, each with its reason.
package enum CommitMessage {
    package static func text(_ plan: Plan) -> String {
        var text = "mcapply: " + PlanSummary.counts(add: plan.add, change: plan.change, destroy: plan.destroy)
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
