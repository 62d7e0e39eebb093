import MCDiagnostics
import MCFiles
import MCYAML

/// The topology entry that makes an object exist: shown as a plan's reason.
package struct Origin: Sendable, Hashable {
    /// "link west → east", "split of 'podinfo' in west/test".
    package var description: String
    /// Where the entry is written in the topology.
    package var range: SourceRange

    package init(_ description: String, at range: SourceRange) {
        self.description = description
        self.range = range
    }
}

/// One Kubernetes object of one cluster's folder. Immutable, and a reference: a large mesh sorts
/// and indexes tens of thousands of them, and moving one is then a single retain.
package final class RenderedObject: Sendable {
    package let cluster: String
    package let id: ResourceID
    package let body: YAMLValue
    package let origin: Origin
    /// `<namespace>/<kind>-<name>.yaml`, or `_cluster/<kind>-<name>.yaml` when cluster-scoped:
    /// it depends on nothing but the object's identity.
    package let fileName: RelativePath
    /// The file's path inside the rendered folder.
    package let path: RelativePath

    package init(cluster: String, id: ResourceID, body: YAMLValue, origin: Origin) {
        self.cluster = cluster
        self.id = id
        self.body = body
        self.origin = origin
        fileName = RelativePath(components: [id.namespace ?? "_cluster", "\(id.kind.lowercased())-\(id.name).yaml"])
        path = RelativePath(components: [cluster] + fileName.components)
    }
}
