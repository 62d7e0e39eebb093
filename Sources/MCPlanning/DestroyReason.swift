import MCMesh

/// Says what disappeared from the topology for an object that is no longer rendered, from the
/// object's role (read back from its kind and name by the mesh).
enum DestroyReason {
    static func describe(_ id: ResourceID, cluster: String, in rendered: RenderedIndex) -> ChangeReason.Removal {
        switch ObjectRole(kind: id.kind, name: id.name) {
        case .link(let target)?:
            return .link(source: cluster, target: target)
        case .linkCredentials(let target)?:
            return rendered.hasLink(in: cluster, to: target) ? .credentials(target: target) : .link(source: cluster, target: target)
        case .remoteAccess(let source, _)?:
            return .link(source: source, target: cluster)
        case .trustRoots?:
            return .cluster(cluster)
        case .split(let name)?:
            let renderedAnew = rendered.identities(cluster: cluster, namespace: id.namespace, name: name).contains { $0 != id }
            return .split(name: name, cluster: cluster, namespace: id.namespace ?? "", renderedAnew: renderedAnew)
        case nil:
            return .unknown
        }
    }
}
