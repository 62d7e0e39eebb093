/// One object the mesh puts into a cluster's folder: its role, identity and the entry behind it.
/// Rendering gives it a body; validation counts it; planning reads its role back.
package struct MeshObject: Sendable {
    package var cluster: String
    package var role: ObjectRole
    package var id: ResourceID
    package var origin: Origin

    package init(cluster: String, role: ObjectRole, id: ResourceID, origin: Origin) {
        self.cluster = cluster
        self.role = role
        self.id = id
        self.origin = origin
    }
}
