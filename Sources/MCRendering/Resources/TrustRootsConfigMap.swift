import MCTopology
import MCYAML

/// ConfigMap `linkerd-identity-trust-roots`: the PEM bundle a cluster trusts, in declared order.
enum TrustRootsConfigMap {
    static func build(for cluster: Cluster, pem: [String: String]) -> ObjectDraft {
        let namespace = cluster.linkerdNamespace.value
        let id = ResourceID(apiVersion: "v1", kind: "ConfigMap", namespace: namespace, name: "linkerd-identity-trust-roots")
        let bundle = cluster.trustAnchors.compactMap { pem[$0.value] }.joined()
        let body = ObjectBuilder.object(
            id, labels: [("linkerd.io/control-plane-component", "identity"), ("linkerd.io/control-plane-ns", namespace)],
            [("data", .mapping([("ca-bundle.crt", .string(bundle))]))])
        let anchors = cluster.trustAnchors.map(\.value).joined(separator: ", ")
        return ObjectDraft(cluster: cluster.name.value, id: id, body: body,
                              origin: Origin("trust anchors of '\(cluster.name.value)' (\(anchors))", at: cluster.name.range))
    }
}
