import MCDiagnostics

/// How an exported service is mirrored.
package enum ExportMode: String, CaseIterable, Sendable {
    case gateway
    case remoteDiscovery = "remote-discovery"
    case federated
}

/// Services of one cluster and namespace exposed to the clusters that link to it.
package struct Export: Sendable {
    package var cluster: Located<String>
    package var namespace: Located<String>
    package var services: [Located<String>]
    package var mode: Located<ExportMode>
    package var range: SourceRange

    package init(
        cluster: Located<String>, namespace: Located<String>, services: [Located<String>],
        mode: Located<ExportMode>, range: SourceRange
    ) {
        self.cluster = cluster
        self.namespace = namespace
        self.services = services
        self.mode = mode
        self.range = range
    }
}

extension ExportMode {
    /// Whether a link in `mode` mirrors exports in this mode: gateway exports by gateway links
    /// (their Link's `selector`), remote-discovery and federated exports by remote-discovery links
    /// (`remoteDiscoverySelector`, `federatedServiceSelector`; both need a flat network).
    package func isMirrored(by mode: LinkMode) -> Bool {
        switch self {
        case .gateway: mode == .gateway
        case .remoteDiscovery, .federated: mode == .remoteDiscovery
        }
    }
}
