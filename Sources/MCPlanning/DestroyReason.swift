import MCRendering

/// Says what disappeared from the topology for an object that is no longer rendered.
enum DestroyReason {
    static func describe(_ id: ResourceID, cluster: String, in rendered: RenderedIndex) -> String {
        let remoteAccess = "linkerd-service-mirror-remote-access-"
        let credentials = "cluster-credentials-"
        switch id.kind {
        case "Link":
            return "link \(cluster) → \(id.name) removed"
        case "ExternalSecret" where id.name.hasPrefix(credentials):
            let target = String(id.name.dropFirst(credentials.count))
            let linkStays = rendered.hasLink(in: cluster, to: target)
            return linkStays ? "credentials source of '\(target)' removed" : "link \(cluster) → \(target) removed"
        case let kind where ["ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Secret"].contains(kind) && id.name.hasPrefix(remoteAccess):
            var source = String(id.name.dropFirst(remoteAccess.count))
            if id.kind == "Secret", source.hasSuffix("-token") { source.removeLast("-token".count) }
            return "link \(source) → \(cluster) removed"
        case "ConfigMap" where id.name == "linkerd-identity-trust-roots":
            return "cluster '\(cluster)' removed"
        case let kind where RenderedIndex.splitKinds.contains(kind):
            let renamed = rendered.identities(cluster: cluster, namespace: id.namespace, name: id.name).contains { $0 != id }
            let place = "\(cluster)/\(id.namespace ?? "")"
            return renamed ? "split '\(id.name)' in \(place) now renders as another kind or version" : "split '\(id.name)' in \(place) removed"
        default:
            return "no longer rendered from the topology"
        }
    }
}
