/// A Kubernetes kind, typed: the kinds the mesh renders are named constants with their scope, and
/// any other kind (read back from a committed file) keeps its name.
package struct ResourceKind: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    package let name: String
    /// The name lower-cased, as file names start with it: made once, not per file.
    package let fileStem: String

    package init(_ name: String) {
        self.name = name
        fileStem = name.lowercased()
    }

    package static func == (a: ResourceKind, b: ResourceKind) -> Bool { a.name == b.name }
    package func hash(into hasher: inout Hasher) { hasher.combine(name) }

    package init(stringLiteral name: String) {
        self.init(name)
    }

    package static let configMap = ResourceKind("ConfigMap")
    package static let link = ResourceKind("Link")
    package static let externalSecret = ResourceKind("ExternalSecret")
    package static let serviceAccount = ResourceKind("ServiceAccount")
    package static let secret = ResourceKind("Secret")
    package static let clusterRole = ResourceKind("ClusterRole")
    package static let clusterRoleBinding = ResourceKind("ClusterRoleBinding")
    package static let httpRoute = ResourceKind("HTTPRoute")
    package static let trafficSplit = ResourceKind("TrafficSplit")

    /// The kind order: plans list a cluster's objects by namespace, then in this table's order,
    /// then by name. Every kind the mesh renders, in the order of their names, so a kind read
    /// back from a file that is not in the table sorts among them by its name.
    package static let order: [ResourceKind] = [
        .clusterRole, .clusterRoleBinding, .configMap, .externalSecret, .httpRoute, .link, .secret, .serviceAccount, .trafficSplit,
    ]

    /// The kinds a split renders as.
    package static let splitKinds: Set<ResourceKind> = [.httpRoute, .trafficSplit]

    /// Cluster-scoped kinds among those the mesh renders (they have no namespace).
    package var isClusterScoped: Bool { self == .clusterRole || self == .clusterRoleBinding }

    package static func < (a: ResourceKind, b: ResourceKind) -> Bool { a.name < b.name }

    package var description: String { name }
}
