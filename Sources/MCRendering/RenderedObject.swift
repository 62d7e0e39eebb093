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
    /// The file: `header`, then the body as YAML. Written again from the topology when the render
    /// let them go (`holdsBytes`): the same bytes, the render being deterministic.
    package var bytes: [UInt8] { held ?? rewriter!.bytes(of: self) }
    /// Whether the bytes are in memory: the render lets go those of a file its base commit holds
    /// exactly, which a plan or an apply compares by blob id and seldom reads.
    package var holdsBytes: Bool { held != nil }
    /// The sha256 of `bytes`; `.mcapply.json` records its text.
    package let digest: SHA256Digest
    /// The id git gives a blob of `bytes`.
    package let blobID: ObjectID
    /// What the body says about the mesh, when its role says something (a Link, credentials, a split).
    package let facts: RenderedFacts?

    private let held: [UInt8]?
    private let rewriter: ObjectRewriter?
    /// Where the renderer made the object: its unit of work and its place among the unit's objects.
    let unit: Int32
    let position: Int32

    package convenience init(_ draft: ObjectDraft, header: String) {
        var scratch: [UInt8] = []
        self.init(draft, header: header, scratch: &scratch)
    }

    /// Written in `scratch` (emptied, its capacity kept), then kept at its exact size: a large
    /// mesh holds tens of thousands of these, and one buffer per unit of work spares each object
    /// a page-sized buffer of its own.
    package convenience init(_ draft: ObjectDraft, header: String, scratch: inout [UInt8]) {
        self.init(draft, header: header, scratch: &scratch, rewriter: nil, unit: 0, position: 0)
    }

    /// - Parameter rewriter: what says whether to let the bytes go, and writes them again from
    ///   the object's `unit` and `position`.
    init(_ draft: ObjectDraft, header: String, scratch: inout [UInt8], rewriter: ObjectRewriter?, unit: Int, position: Int) {
        cluster = draft.object.cluster
        role = draft.object.role
        id = draft.object.id
        origin = draft.object.origin
        path = MeshLayout.path(of: id, in: cluster)
        facts = RenderedFacts.kind(of: role).flatMap { RenderedFacts.read(draft.body, as: $0) }
        Self.write(draft, header: header, into: &scratch)
        digest = SHA256Digest(of: scratch)
        blobID = ObjectID.blob(holding: scratch)
        let dropped = rewriter?.letsGo(path, blobID) == true
        held = dropped ? nil : scratch.withUnsafeBufferPointer { Array($0) }
        self.rewriter = dropped ? rewriter : nil
        (self.unit, self.position) = (Int32(unit), Int32(position))
    }

    /// The file of `draft` in `scratch` (emptied, its capacity kept).
    static func write(_ draft: ObjectDraft, header: String, into scratch: inout [UInt8]) {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(utf8: header)
        YAMLWriter.write(draft.body, into: &scratch)
        scratch += draft.writtenTail
    }
}

/// For a render that lets an object's bytes go: which it lets go, and how they are written again.
protocol ObjectRewriter: Sendable {
    /// Whether the file at `path` with blob id `id` need not be held (its base holds it).
    func letsGo(_ path: RelativePath, _ id: ObjectID) -> Bool
    func bytes(of object: RenderedObject) -> [UInt8]
}
