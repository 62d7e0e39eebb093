import MCDiagnostics
import MCMesh
import MCTopology

/// MC905 (warning): no cluster's folder holds more than 2,000 resources; kustomize's build time
/// grows faster than linearly and Argo CD gives manifest generation 90 seconds.
struct ClustersStayUnderResourceLimit: ValidationRule {
    let codes: [DiagnosticCode] = [.tooManyResources]
    static let limit = 2_000

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        let counts = MeshLayout.objectCounts(context.topology, clusters: context.clusters)
        for cluster in context.topology.clusters {
            guard let count = counts[cluster.name.value], count > Self.limit else { continue }
            diagnostics.append(.tooManyResources(cluster, count: count, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func tooManyResources(_ cluster: Cluster, count: Int, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .tooManyResources, "cluster '\(cluster.name.value)' renders \(count) resources, over \(ClustersStayUnderResourceLimit.limit)",
            at: cluster.name.range, label: "very large folder",
            hint: "split the mesh into hubs: fewer links per cluster keep each folder small")
    }
}
