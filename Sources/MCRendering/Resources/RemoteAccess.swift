import MCTopology
import MCYAML

/// What `linkerd multicluster allow` creates in the target for one source: the name shared by the
/// ServiceAccount, ClusterRole and ClusterRoleBinding, and their common labels.
struct RemoteAccess {
    let link: Link
    let source: String
    let target: Cluster

    var name: String { "linkerd-service-mirror-remote-access-" + source }
    var namespace: String { target.multiclusterNamespace.value }
    static let labels = [("linkerd.io/extension", "multicluster")]

    func object(_ id: ResourceID, annotations: [(String, String)] = [], _ fields: [(String, YAMLValue)]) -> ObjectDraft {
        ObjectDraft(cluster: target.name.value, id: id,
                       body: ObjectBuilder.object(id, labels: Self.labels, annotations: annotations, fields),
                       origin: LinkResource.origin(link))
    }

    /// All four objects, ServiceAccount first.
    var objects: [ObjectDraft] {
        [RemoteAccessServiceAccount.build(self), RemoteAccessTokenSecret.build(self),
         RemoteAccessClusterRole.build(self), RemoteAccessClusterRoleBinding.build(self)]
    }
}

/// The ServiceAccount the source's service mirror authenticates as.
enum RemoteAccessServiceAccount {
    static func build(_ access: RemoteAccess) -> ObjectDraft {
        access.object(ResourceID(apiVersion: "v1", kind: "ServiceAccount", namespace: access.namespace, name: access.name), [])
    }
}

/// Its long-lived token Secret, with no data: Kubernetes fills it in.
enum RemoteAccessTokenSecret {
    static func build(_ access: RemoteAccess) -> ObjectDraft {
        access.object(
            ResourceID(apiVersion: "v1", kind: "Secret", namespace: access.namespace, name: access.name + "-token"),
            annotations: [("kubernetes.io/service-account.name", access.name)],
            [("type", .string("kubernetes.io/service-account-token"))])
    }
}

/// Read access to what the service mirror watches in the target, plus events.
enum RemoteAccessClusterRole {
    static func build(_ access: RemoteAccess) -> ObjectDraft {
        access.object(
            ResourceID(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRole", namespace: nil, name: access.name),
            [("rules", rules)])
    }

    /// The same for every link: built once.
    private static let rules: YAMLValue = {
        let read = ObjectBuilder.strings(["list", "get", "watch"])
        func rule(_ group: String, _ resources: [String], _ verbs: YAMLValue, names: [String] = []) -> YAMLValue {
            var fields: [(String, YAMLValue)] = [("apiGroups", ObjectBuilder.strings([group])), ("resources", ObjectBuilder.strings(resources))]
            if !names.isEmpty { fields.append(("resourceNames", ObjectBuilder.strings(names))) }
            fields.append(("verbs", verbs))
            return .mapping(fields)
        }
        return .sequence([
            rule("", ["pods", "endpoints", "services"], read),
            rule("apps", ["replicasets"], read),
            rule("batch", ["jobs"], read),
            rule("discovery.k8s.io", ["endpointslices"], read),
            rule("policy.linkerd.io", ["servers"], read),
            rule("", ["configmaps"], ObjectBuilder.strings(["get"]), names: ["linkerd-config"]),
            rule("", ["events"], ObjectBuilder.strings(["create", "patch"])),
        ])
    }()
}

/// Binds the role to the ServiceAccount.
enum RemoteAccessClusterRoleBinding {
    static func build(_ access: RemoteAccess) -> ObjectDraft {
        access.object(
            ResourceID(apiVersion: "rbac.authorization.k8s.io/v1", kind: "ClusterRoleBinding", namespace: nil, name: access.name),
            [
                ("roleRef", .mapping([("apiGroup", .string("rbac.authorization.k8s.io")), ("kind", .string("ClusterRole")),
                                      ("name", .string(access.name))])),
                ("subjects", .sequence([.mapping([("kind", .string("ServiceAccount")), ("name", .string(access.name)),
                                                  ("namespace", .string(access.namespace))])])),
            ])
    }
}
