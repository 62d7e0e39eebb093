/// Why an object is in a cluster's folder, independent of its body: what its name is derived
/// from, in both directions (`name` and `init?(kind:name:)` are inverse, a test holds it).
package enum ObjectRole: Hashable, Sendable {
    /// Which of the four objects `linkerd multicluster allow` creates.
    package enum RemoteAccessPart: CaseIterable, Sendable {
        case serviceAccount, tokenSecret, clusterRole, clusterRoleBinding

        package var kind: ResourceKind {
            switch self {
            case .serviceAccount: .serviceAccount
            case .tokenSecret: .secret
            case .clusterRole: .clusterRole
            case .clusterRoleBinding: .clusterRoleBinding
            }
        }
    }

    /// The cluster's trust bundle.
    case trustRoots
    /// The source's Link to `target`.
    case link(target: String)
    /// The source's ExternalSecret producing the kubeconfig that reaches `target`.
    case linkCredentials(target: String)
    /// What the target holds so that `source`'s service mirror can read it.
    case remoteAccess(source: String, part: RemoteAccessPart)
    /// A split's route object (HTTPRoute or TrafficSplit), named for the split.
    case split(name: String)

    /// The kinds an object of this role can be.
    package var kinds: Set<ResourceKind> {
        switch self {
        case .trustRoots: [.configMap]
        case .link: [.link]
        case .linkCredentials: [.externalSecret]
        case .remoteAccess(_, let part): [part.kind]
        case .split: ResourceKind.splitKinds
        }
    }

    /// The object's name.
    package var name: String {
        switch self {
        case .trustRoots: MeshNames.trustRoots
        case .link(let target): target
        case .linkCredentials(let target): MeshNames.credentials(target: target)
        case .remoteAccess(let source, .tokenSecret): MeshNames.remoteAccessToken(source: source)
        case .remoteAccess(let source, _): MeshNames.remoteAccess(source: source)
        case .split(let name): name
        }
    }

    /// The role of an object the mesh renders, from its kind and name; nil for anything else.
    package init?(kind: ResourceKind, name: String) {
        switch kind {
        case .configMap where name == MeshNames.trustRoots: self = .trustRoots
        case .link: self = .link(target: name)
        case .externalSecret:
            guard let target = MeshNames.credentialsTarget(name) else { return nil }
            self = .linkCredentials(target: target)
        case .httpRoute, .trafficSplit: self = .split(name: name)
        default:
            guard let part = RemoteAccessPart.allCases.first(where: { $0.kind == kind }),
                  let source = MeshNames.remoteAccessSource(name, token: part == .tokenSecret) else { return nil }
            self = .remoteAccess(source: source, part: part)
        }
    }
}
