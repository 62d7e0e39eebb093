import MCMesh
import MCTopology
import MCYAML

/// ConfigMap `linkerd-identity-trust-roots`: the PEM bundle a cluster trusts, in declared order.
enum TrustRootsConfigMap {
    static func build(_ object: MeshObject, for cluster: Cluster, pem: [String: String]) -> ObjectDraft {
        let namespace = cluster.linkerdNamespace.value
        let bundle = cluster.trustAnchors.compactMap { pem[$0.value] }.joined()
        let body = ObjectBuilder.object(
            object.id, labels: [("linkerd.io/control-plane-component", "identity"), ("linkerd.io/control-plane-ns", namespace)],
            [("data", .mapping([("ca-bundle.crt", .string(bundle))]))])
        return ObjectDraft(object, body: body)
    }
}
