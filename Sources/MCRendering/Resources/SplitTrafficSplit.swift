import MCMesh
import MCTopology
import MCYAML

/// A split as an SMI TrafficSplit: `v1alpha1` with quantity weights, `v1alpha2` with integer
/// weights, or the `v1alpha2` failover form that linkerd-failover drives (primary 1, others 0).
enum SplitTrafficSplit {
    static func build(_ object: MeshObject, _ split: Split, api: RouteAPI) -> ObjectDraft {
        let weights: [YAMLValue]
        var labels: [(String, String)] = []
        var annotations: [(String, String)] = []
        if let failover = split.failover {
            labels = [("failover.linkerd.io/controlled-by", "linkerd-failover")]
            annotations = [("failover.linkerd.io/primary-service", failover.primary.value)]
            weights = split.backends.map { .int(MeshNames.service(of: $0) == failover.primary.value ? 1 : 0) }
        } else if api == .smiV1alpha1 {
            weights = SplitWeights.quantities(split).map { $0.isMilli ? .string("\($0.amount)m") : .int($0.amount) }
        } else {
            weights = SplitWeights.integers(split).map(YAMLValue.int)
        }
        let backends = zip(split.backends, weights).map { backend, weight in
            YAMLValue.mapping([("service", .string(MeshNames.service(of: backend))), ("weight", weight)])
        }
        let spec: YAMLValue = .mapping([("service", .string(split.service.value)), ("backends", .sequence(backends))])
        return ObjectDraft(object, body: ObjectBuilder.object(object.id, labels: labels, annotations: annotations, [("spec", spec)]))
    }
}
