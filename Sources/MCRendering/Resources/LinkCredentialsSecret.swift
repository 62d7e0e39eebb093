import MCMesh
import MCTopology
import MCYAML

/// An ExternalSecret (`external-secrets.io/v1`) named `cluster-credentials-<target>` that produces
/// the link's kubeconfig Secret: the one in the source's multicluster namespace serves the service
/// mirror; the one in its Linkerd namespace is labelled with the target's name and domains for the
/// destination controller (and serves both when the two namespaces are one).
enum LinkCredentialsSecret {
    static func build(_ object: MeshObject, source: Cluster, target: Cluster, store: ExternalSecretSource) -> ObjectDraft {
        let targetName = target.name.value
        var remoteRef: [(String, YAMLValue)] = [("key", .string(store.key(source: source.name.value, target: targetName)))]
        if let property = store.property { remoteRef.append(("property", .string(property.value))) }
        let labelled = object.id.namespace == source.linkerdNamespace.value
        let labels = labelled ? [("multicluster.linkerd.io/cluster-name", targetName)] : []
        let annotations = labelled
            ? [("multicluster.linkerd.io/trust-domain", target.trustDomain.value), ("multicluster.linkerd.io/cluster-domain", target.clusterDomain.value)]
            : []
        var metadata: [(String, YAMLValue)] = [("labels", ObjectBuilder.stringMap(labels + [ObjectBuilder.managedByLabel]))]
        if !annotations.isEmpty { metadata.append(("annotations", ObjectBuilder.stringMap(annotations))) }
        let spec: YAMLValue = .mapping([
            ("refreshInterval", .string("1h")),
            ("secretStoreRef", .mapping([("name", .string(store.store.value)), ("kind", .string(store.storeKind.value.rawValue))])),
            ("target", .mapping([
                ("name", .string(object.id.name)),
                ("creationPolicy", .string("Owner")),
                ("template", .mapping([
                    ("type", .string("mirror.linkerd.io/remote-kubeconfig")),
                    ("metadata", .mapping(metadata)),
                ])),
            ])),
            ("data", .sequence([.mapping([("secretKey", .string("kubeconfig")), ("remoteRef", .mapping(remoteRef))])])),
        ])
        return ObjectDraft(object, body: ObjectBuilder.object(object.id, [("spec", spec)]))
    }
}
