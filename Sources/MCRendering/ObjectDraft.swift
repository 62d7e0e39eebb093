import MCMesh
import MCYAML

/// An object as a builder in `Resources/` makes it: the mesh's object (cluster, role, identity,
/// origin) and its body. The renderer writes it into a `RenderedObject` and lets the body go.
package struct ObjectDraft: Sendable {
    package var object: MeshObject
    package var body: YAMLValue
    /// The body's last top-level fields, already written (the same for every object that has
    /// them, so written once): the file is `body` written, then these bytes.
    package var writtenTail: [UInt8]

    package init(_ object: MeshObject, body: YAMLValue, writtenTail: [UInt8] = []) {
        self.object = object
        self.body = body
        self.writtenTail = writtenTail
    }
}
