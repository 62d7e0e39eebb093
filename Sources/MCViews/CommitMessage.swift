import MCBasics
import MCPlanning

/// The commit message mcapply writes by default: `mcapply: X to add, Y to change, Z to destroy`
/// (after what the mesh gains and loses, when it does), the mesh changes, and the changes per
/// cluster, each with its reason. A first apply of a large mesh lists tens of thousands of
/// lines: each cluster's are written on all cores, and all are appended to one text.
package enum CommitMessage {
    package static func text(_ plan: Plan) -> String {
        // The subject counts objects, or what the mesh gains and loses when no object changes
        // (an export changes only a Component): never "0 to add, 0 to change, 0 to destroy" for a change.
        let mesh = MeshText.counts(plan.mesh)
        var text = "mcapply: " + (plan.changes.isEmpty && !mesh.isEmpty ? mesh.joined(separator: ", ")
            : PlanSummary.counts(add: plan.add, change: plan.change, destroy: plan.destroy))
        let lines = MeshText.lines(plan.mesh)
        let byCluster = Dictionary(grouping: plan.changes, by: \.cluster)
        let clusters = byCluster.keys.sorted()
        let sourcePath = plan.sourcePath
        let sections = Parallel.map(clusters.count) { index in
            var section = "\n\n\(clusters[index]):"
            for change in byCluster[clusters[index]]! {
                let mark = switch change.action { case .add: "+"; case .change: "~"; case .destroy: "-" }
                section += "\n  \(mark) \(change.id) (\(ReasonText.describe(change.reason, sourcePath: sourcePath)))"
            }
            return section
        }
        text.reserveCapacity(text.utf8.count + 8 + lines.reduce(0) { $0 + $1.text.utf8.count + 5 } + sections.reduce(0) { $0 + $1.utf8.count })
        if !lines.isEmpty {
            text += "\n\nmesh:"
            for line in lines {
                text += "\n  "
                text += line.mark
                text += " "
                text += line.text
            }
        }
        for section in sections { text += section }
        return text
    }
}
