import MCYAML

/// An object as a builder in `Resources/` makes it: its cluster, identity, body and the topology
/// entry behind it. The renderer writes it into a `RenderedObject` and lets the body go.
package struct ObjectDraft: Sendable {
    package var cluster: String
    package var id: ResourceID
    package var body: YAMLValue
    package var origin: Origin

    package init(cluster: String, id: ResourceID, body: YAMLValue, origin: Origin) {
        self.cluster = cluster
        self.id = id
        self.body = body
        self.origin = origin
    }
}
