import MCMesh
import MCTopology
import MCYAML

/// What `linkerd multicluster allow` creates in the target for one source: a ServiceAccount, its
/// token Secret, a ClusterRole and a ClusterRoleBinding, all labelled as the extension's.
enum RemoteAccess {
    static let labels = [("linkerd.io/extension", "multicluster")]

    static func build(_ object: MeshObject, part: ObjectRole.RemoteAccessPart, source: String, target: Cluster) -> ObjectDraft {
        let name = MeshNames.remoteAccess(source: source)
        let namespace = target.multiclusterNamespace.value
        var annotations: [(String, String)] = []
        var fields: [(String, YAMLValue)] = []
        var tail: [UInt8] = []
        switch part {
        case .serviceAccount:
            break
        case .tokenSecret:
            // A long-lived token with no data: Kubernetes fills it in.
            annotations = [("kubernetes.io/service-account.name", name)]
            fields = [("type", .string("kubernetes.io/service-account-token"))]
        case .clusterRole:
            tail = writtenRules
        case .clusterRoleBinding:
            fields = [
                ("roleRef", .mapping([("apiGroup", .string("rbac.authorization.k8s.io")), ("kind", .string("ClusterRole")),
                                      ("name", .string(name))])),
                ("subjects", .sequence([.mapping([("kind", .string("ServiceAccount")), ("name", .string(name)),
                                                  ("namespace", .string(namespace))])])),
            ]
        }
        return ObjectDraft(object, body: ObjectBuilder.object(object.id, labels: labels, annotations: annotations, fields), writtenTail: tail)
    }

    /// A ClusterRole's last field, `rules`, written once: it is most of every ClusterRole's bytes.
    static let writtenRules = Array(YAMLWriter.write(.mapping([("rules", rules)])).utf8)

    /// Read access to what the service mirror watches in the target, plus events; the same for
    /// every link, so built once.
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
