import MCTopology

/// The label an exported Service carries so that a Link's selector picks it up: the exports
/// Component writes it, the Link's selectors match it.
package struct MirrorLabel: Sendable, Hashable {
    package let key: String
    package let value: String

    /// Matched by a gateway Link's `selector`.
    package static let gateway = MirrorLabel(key: "mirror.linkerd.io/exported", value: "true")
    /// Matched by a remote-discovery Link's `remoteDiscoverySelector`.
    package static let remoteDiscovery = MirrorLabel(key: "mirror.linkerd.io/exported", value: "remote-discovery")
    /// Matched by a remote-discovery Link's `federatedServiceSelector` (and the local service mirror).
    package static let federated = MirrorLabel(key: "mirror.linkerd.io/federated", value: "member")

    package static func `for`(_ mode: ExportMode) -> MirrorLabel {
        switch mode {
        case .gateway: .gateway
        case .remoteDiscovery: .remoteDiscovery
        case .federated: .federated
        }
    }
}
