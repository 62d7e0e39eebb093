import MCTopology
import MCYAML

/// The two ExternalSecrets (`external-secrets.io/v1`) named `cluster-credentials-<target>` that
/// produce the link's kubeconfig Secret: one in the source's multicluster namespace for the
/// service mirror, one in its Linkerd namespace (labelled with the target's name and domains) for
/// the destination controller. A cluster whose two namespaces are one gets only the labelled one,
/// which serves both.
enum LinkCredentialsSecret {
    static func build(_ link: Link, source: Cluster, target: Cluster, store: ExternalSecretSource) -> [ObjectDraft] {
        let targetName = target.name.value
        let name = "cluster-credentials-" + targetName
        var remoteRef: [(String, YAMLValue)] = [("key", .string(store.key(source: source.name.value, target: targetName)))]
        if let property = store.property { remoteRef.append(("property", .string(property.value))) }
        func secret(namespace: String, labels: [(String, String)], annotations: [(String, String)]) -> ObjectDraft {
            let id = ResourceID(apiVersion: "external-secrets.io/v1", kind: "ExternalSecret", namespace: namespace, name: name)
            var metadata: [(String, YAMLValue)] = [("labels", ObjectBuilder.stringMap(labels + [ObjectBuilder.managedByLabel]))]
            if !annotations.isEmpty { metadata.append(("annotations", ObjectBuilder.stringMap(annotations))) }
            let spec: YAMLValue = .mapping([
                ("refreshInterval", .string("1h")),
                ("secretStoreRef", .mapping([("name", .string(store.store.value)), ("kind", .string(store.storeKind.value.rawValue))])),
                ("target", .mapping([
                    ("name", .string(name)),
                    ("creationPolicy", .string("Owner")),
                    ("template", .mapping([
                        ("type", .string("mirror.linkerd.io/remote-kubeconfig")),
                        ("metadata", .mapping(metadata)),
                    ])),
                ])),
                ("data", .sequence([.mapping([("secretKey", .string("kubeconfig")), ("remoteRef", .mapping(remoteRef))])])),
            ])
            return ObjectDraft(cluster: source.name.value, id: id, body: ObjectBuilder.object(id, [("spec", spec)]),
                                  origin: LinkResource.origin(link))
        }
        let labelled = secret(
            namespace: source.linkerdNamespace.value, labels: [("multicluster.linkerd.io/cluster-name", targetName)],
            annotations: [("multicluster.linkerd.io/trust-domain", target.trustDomain.value),
                          ("multicluster.linkerd.io/cluster-domain", target.clusterDomain.value)])
        guard source.multiclusterNamespace.value != source.linkerdNamespace.value else { return [labelled] }
        return [secret(namespace: source.multiclusterNamespace.value, labels: [], annotations: []), labelled]
    }
}
