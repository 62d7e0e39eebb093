import MCTopology
import MCYAML

/// A weighted split as an HTTPRoute (`gateway.networking.k8s.io/v1` or `policy.linkerd.io/v1beta3`):
/// the apex Service as parent, one rule whose backends keep their declared order.
enum SplitRoute {
    static func build(_ split: Split, api: RouteAPI, port: Int) -> ObjectDraft {
        let id = ResourceID(apiVersion: api.rawValue, kind: "HTTPRoute", namespace: split.namespace.value, name: split.objectName)
        let backends = zip(split.backends, SplitWeights.integers(split)).map { backend, weight in
            YAMLValue.mapping([("name", .string(backend.renderedName)), ("port", .int(port)), ("weight", .int(weight))])
        }
        let spec: YAMLValue = .mapping([
            ("parentRefs", .sequence([.mapping([
                ("group", .string("core")), ("kind", .string("Service")), ("name", .string(split.service.value)), ("port", .int(port)),
            ])])),
            ("rules", .sequence([.mapping([("backendRefs", .sequence(backends))])])),
        ])
        return ObjectDraft(cluster: split.cluster.value, id: id, body: ObjectBuilder.object(id, [("spec", spec)]),
                              origin: origin(split))
    }

    static func origin(_ split: Split) -> Origin {
        Origin("split of '\(split.service.value)' in \(split.cluster.value)/\(split.namespace.value)", at: split.range)
    }
}
