import MCMesh
import MCTopology
import MCYAML

/// A weighted split as an HTTPRoute (`gateway.networking.k8s.io/v1` or `policy.linkerd.io/v1beta3`):
/// the apex Service as parent, one rule whose backends keep their declared order.
enum SplitRoute {
    static func build(_ object: MeshObject, _ split: Split, port: Int) -> ObjectDraft {
        let backends = zip(split.backends, SplitWeights.integers(split)).map { backend, weight in
            YAMLValue.mapping([("name", .string(MeshNames.service(of: backend))), ("port", .int(port)), ("weight", .int(weight))])
        }
        let spec: YAMLValue = .mapping([
            ("parentRefs", .sequence([.mapping([
                ("group", .string("core")), ("kind", .string("Service")), ("name", .string(split.service.value)), ("port", .int(port)),
            ])])),
            ("rules", .sequence([.mapping([("backendRefs", .sequence(backends))])])),
        ])
        return ObjectDraft(object, body: ObjectBuilder.object(object.id, [("spec", spec)]))
    }
}
