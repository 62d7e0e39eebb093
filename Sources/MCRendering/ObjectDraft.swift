import MCMesh
import MCYAML

/// An object as a builder in `Resources/` makes it: the mesh's object (cluster, role, identity,
/// origin) and its body. The renderer writes it into a `RenderedObject` and lets the body go.
package struct ObjectDraft: Sendable {
    package var object: MeshObject
    package var body: YAMLValue

    package init(_ object: MeshObject, body: YAMLValue) {
        self.object = object
        self.body = body
    }
}
