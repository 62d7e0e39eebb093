import MCDiagnostics
import MCTopology

/// MC905 (warning): no cluster's folder holds more than 2,000 resources; kustomize's build time
/// grows faster than linearly and Argo CD gives manifest generation 90 seconds.
struct ClustersStayUnderResourceLimit: ValidationRule {
    let codes: [DiagnosticCode] = [.tooManyResources]
    static let limit = 2_000

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        let counts = ResourceCount.perCluster(context)
        for cluster in context.topology.clusters {
            guard let count = counts[cluster.name.value], count > Self.limit else { continue }
            diagnostics.append(context.diagnostic(
                .tooManyResources, "cluster '\(cluster.name.value)' renders \(count) resources, over \(Self.limit)",
                at: cluster.name.range, label: "very large folder",
                hint: "split the mesh into hubs: fewer links per cluster keep each folder small"))
        }
    }
}

/// How many objects SPEC §3 renders into each cluster's folder.
package enum ResourceCount {
    /// Per cluster: its trust-roots ConfigMap; per outgoing link a Link and, when the target has a
    /// credentials source, two ExternalSecrets; per incoming link a ServiceAccount, its token
    /// Secret, a ClusterRole and a ClusterRoleBinding; one object per split.
    package static func perCluster(_ context: ValidationContext) -> [String: Int] {
        var counts = context.clusters.mapValues { _ in 1 }
        var seen = Set<[String]>()
        for link in context.crossLinks {
            guard seen.insert([link.source.value, link.target.value]).inserted,
                  counts[link.source.value] != nil, let target = context.clusters[link.target.value] else { continue }
            let source = context.clusters[link.source.value]!
            let secrets = source.linkerdNamespace.value == source.multiclusterNamespace.value ? 1 : 2
            counts[link.source.value]! += target.credentials == nil ? 1 : 1 + secrets
            counts[link.target.value]! += 4
        }
        for split in context.topology.splits where counts[split.cluster.value] != nil {
            counts[split.cluster.value]! += 1
        }
        return counts
    }
}
