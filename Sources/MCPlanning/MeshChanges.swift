import MCRendering

/// What the mesh gains and loses between the base render and the new one, in an operator's
/// terms (clusters, links, exports, mirrored services, splits, trust, credentials), and the risks
/// a GitOps controller or Linkerd turns them into. Data only: MCViews words it.
package struct MeshChanges: Sendable, Equatable {
    package enum Action: String, Sendable, Codable, Comparable {
        case add, remove, change

        package static func < (a: Action, b: Action) -> Bool { a.rawValue < b.rawValue }
    }

    package struct ClusterChange: Sendable, Equatable {
        package var name: String
        package var action: Action
    }

    /// What a Link says: its mode and, in gateway mode, where it reaches the target.
    package typealias LinkState = RenderedFacts.Link

    package struct LinkChange: Sendable, Equatable {
        package var source: String
        package var target: String
        package var action: Action
        package var before: LinkState?
        package var after: LinkState?

        package var mode: String { (after ?? before)?.mode ?? "" }
    }

    /// A Service exported by `cluster` in one mode (`gateway`, `remote-discovery`, `federated`).
    package struct ExportChange: Sendable, Equatable {
        package var cluster: String
        package var namespace: String
        package var service: String
        package var mode: String
        package var action: Action
        /// The clusters that mirror it (after for an added export, before for a removed one).
        package var mirroredBy: [String]
    }

    /// A mirror Service the service mirror creates in `cluster` (`<svc>-<target>`, or
    /// `<svc>-federated`), from the cluster(s) it mirrors.
    package struct MirrorChange: Sendable, Equatable {
        package var cluster: String
        package var namespace: String
        package var service: String
        package var from: [String]
        package var action: Action
    }

    package struct BackendChange: Sendable, Equatable {
        package var service: String
        package var before: String?
        package var after: String?
    }

    package struct SplitChange: Sendable, Equatable {
        package var cluster: String
        package var namespace: String
        package var name: String
        package var action: Action
        package var backends: [BackendChange]
        /// The failover primary, when either side has one.
        package var primaryBefore: String?
        package var primaryAfter: String?
    }

    package struct Anchor: Sendable, Equatable, Hashable {
        package var subject: String
        package var sha256: String
        package var notAfter: String
    }

    package struct TrustChange: Sendable, Equatable {
        package var cluster: String
        package var added: [Anchor]
        package var removed: [Anchor]
    }

    /// A secret-store key a new or changed link's ExternalSecret reads: it must exist before the sync.
    package struct Credential: Sendable, Equatable, Hashable {
        package var cluster: String
        package var store: String
        package var key: String
    }

    /// An object of the GitOps wiring (`_gitops/`): an Argo CD Application, a Flux Kustomization…
    package struct WiringChange: Sendable, Equatable {
        package var kind: String
        package var name: String
        package var action: Action
    }

    /// What a controller or Linkerd will do with a change that needs a reviewer's eye.
    package enum Risk: Sendable, Equatable {
        /// The cluster's folder goes: an ApplicationSet or Flux Kustomization prunes its objects.
        case clusterRemoved(String)
        /// A removed and an added cluster with the same links: likely a rename.
        case likelyRename(from: String, to: String)
        /// Linkerd leaves the mirror Services of a removed link behind (`namespace/name`).
        case linkRemoved(source: String, target: String, mirrorsLeft: [String])
        /// Proxies read the trust bundle when they start.
        case trustChanged(String)
        /// A cluster that stays loses its linkerd-multicluster values file.
        case valuesRemoved(String)
        /// The wiring of a removed cluster goes; the rendered wiring orphans its objects.
        case wiringRemoved(kind: String, name: String, cluster: String)

        package var kind: String {
            switch self {
            case .clusterRemoved: "cluster-removed"
            case .likelyRename: "likely-rename"
            case .linkRemoved: "link-removed"
            case .trustChanged: "trust-changed"
            case .valuesRemoved: "values-removed"
            case .wiringRemoved: "wiring-removed"
            }
        }

        package var cluster: String {
            switch self {
            case .clusterRemoved(let cluster), .trustChanged(let cluster), .valuesRemoved(let cluster), .wiringRemoved(_, _, let cluster): cluster
            case .likelyRename(_, let to): to
            case .linkRemoved(let source, _, _): source
            }
        }
    }

    package var clusters: [ClusterChange] = []
    package var links: [LinkChange] = []
    package var exports: [ExportChange] = []
    package var mirrors: [MirrorChange] = []
    package var splits: [SplitChange] = []
    package var trust: [TrustChange] = []
    package var credentials: [Credential] = []
    package var wiring: [WiringChange] = []
    package var risks: [Risk] = []

    package init() {}

    package var isEmpty: Bool {
        clusters.isEmpty && links.isEmpty && exports.isEmpty && mirrors.isEmpty && splits.isEmpty && trust.isEmpty && credentials.isEmpty
            && wiring.isEmpty && risks.isEmpty
    }
}
