/// A Kubernetes object's identity: what the plan compares across renders.
package struct ResourceID: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var apiVersion: String
    package var kind: ResourceKind
    /// Nil for cluster-scoped kinds.
    package var namespace: String?
    package var name: String

    package init(apiVersion: String, kind: ResourceKind, namespace: String?, name: String) {
        self.apiVersion = apiVersion
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    /// By namespace, then kind (`ResourceKind.order`), name and API version.
    package static func < (a: ResourceID, b: ResourceID) -> Bool {
        (a.namespace ?? "", a.kind, a.name, a.apiVersion) < (b.namespace ?? "", b.kind, b.name, b.apiVersion)
    }

    /// `Kind namespace/name`, or `Kind name` when cluster-scoped.
    package var description: String { "\(kind) " + (namespace.map { "\($0)/" } ?? "") + name }
}
