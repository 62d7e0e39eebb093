import MCTopology

/// Every name the mesh derives from the topology, in one place.
package enum MeshNames {
    /// The ConfigMap that holds a cluster's trust bundle (Linkerd's own name for it).
    package static let trustRoots = "linkerd-identity-trust-roots"
    private static let credentialsPrefix = "cluster-credentials-"
    private static let remoteAccessPrefix = "linkerd-service-mirror-remote-access-"
    private static let tokenSuffix = "-token"

    /// The Secret (and its ExternalSecrets) holding the kubeconfig that reaches `target`.
    package static func credentials(target: String) -> String { credentialsPrefix + target }

    /// The target of a credentials name, or nil when it is none.
    package static func credentialsTarget(_ name: String) -> String? {
        name.hasPrefix(credentialsPrefix) ? String(name.dropFirst(credentialsPrefix.count)) : nil
    }

    /// The ServiceAccount, ClusterRole and ClusterRoleBinding `source`'s service mirror uses in its target.
    package static func remoteAccess(source: String) -> String { remoteAccessPrefix + source }

    /// The long-lived token Secret of that ServiceAccount.
    package static func remoteAccessToken(source: String) -> String { remoteAccess(source: source) + tokenSuffix }

    /// The source of a remote-access name (`token`: the name is the token Secret's), or nil.
    package static func remoteAccessSource(_ name: String, token: Bool) -> String? {
        guard name.hasPrefix(remoteAccessPrefix) else { return nil }
        var source = name.dropFirst(remoteAccessPrefix.count)
        if token {
            guard source.hasSuffix(tokenSuffix) else { return nil }
            source = source.dropLast(tokenSuffix.count)
        }
        return source.isEmpty ? nil : String(source)
    }

    /// The Service Linkerd mirrors `service` of `cluster` as: `<service>-<cluster>`.
    package static func mirror(service: String, cluster: String) -> String { service + "-" + cluster }

    /// The UTF-8 length of `mirror(service:cluster:)`, without making it.
    package static func mirrorByteCount(service: String, cluster: String) -> Int { service.utf8.count + 1 + cluster.utf8.count }

    /// The federated Service Linkerd makes of `service`'s members: `<service>-federated`.
    package static func federated(service: String) -> String { service + "-federated" }

    /// The probe Service the service mirror makes for a gateway link to `cluster`.
    package static func probe(cluster: String) -> String { "probe-" + cluster }

    /// The Service a split backend renders as.
    package static func service(of backend: Backend) -> String {
        if backend.federated?.value == true { return federated(service: backend.service.value) }
        if let cluster = backend.cluster { return mirror(service: backend.service.value, cluster: cluster.value) }
        return backend.service.value
    }

    /// The gateway's mTLS identity as other clusters' Links name it.
    package static func gatewayIdentity(_ gateway: Gateway, of cluster: Cluster) -> String {
        [gateway.serviceAccount.value, gateway.namespace.value, "serviceaccount", "identity",
         cluster.linkerdNamespace.value, cluster.trustDomain.value].joined(separator: ".")
    }
}
