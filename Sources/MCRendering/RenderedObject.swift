import MCBasics
import MCMesh
import MCYAML

/// One Kubernetes object of one cluster's folder, written: its file's bytes and their digest.
/// Immutable, and a reference: a large mesh sorts and indexes tens of thousands of them, and
/// moving one is then a single retain.
package final class RenderedObject: Sendable {
    package let cluster: String
    package let role: ObjectRole
    package let id: ResourceID
    package let origin: Origin
    /// `<namespace>/<kind>-<name>.yaml`, or `_cluster/<kind>-<name>.yaml` when cluster-scoped
    /// (`MeshLayout.fileName(of:)`): the path after the cluster's name, not held a second time by
    /// each of tens of thousands of objects.
    package var fileName: String { String(Substring(path.string.utf8.dropFirst(cluster.utf8.count + 1))) }
    /// The file's path inside the rendered folder.
    package let path: RelativePath
    /// The file: `header`, then the body as YAML.
    package let bytes: [UInt8]
    /// The sha256 of `bytes`; `.mcapply.json` records its text.
    package let digest: SHA256Digest
    /// The id git gives a blob of `bytes`.
    package let blobID: ObjectID
    /// What the body says about the mesh, when its role says something (a Link, credentials, a split).
    package let facts: RenderedFacts?

    package convenience init(_ draft: ObjectDraft, header: String) {
        var scratch: [UInt8] = []
        self.init(draft, header: header, scratch: &scratch)
    }

    /// Written in `scratch` (emptied, its capacity kept), then kept at its exact size: a large
    /// mesh holds tens of thousands of these, and one buffer per unit of work spares each object
    /// a page-sized buffer of its own.
    package init(_ draft: ObjectDraft, header: String, scratch: inout [UInt8]) {
        cluster = draft.object.cluster
        role = draft.object.role
        id = draft.object.id
        origin = draft.object.origin
        path = MeshLayout.path(of: id, in: cluster)
        facts = RenderedFacts.kind(of: role).flatMap { RenderedFacts.read(draft.body, as: $0) }
        scratch.removeAll(keepingCapacity: true)
        scratch.append(utf8: header)
        YAMLWriter.write(draft.body, into: &scratch)
        scratch += draft.writtenTail
        bytes = scratch.withUnsafeBufferPointer { Array($0) }
        digest = SHA256Digest(of: bytes)
        blobID = ObjectID.blob(holding: bytes)
    }
}
