import MCDiagnostics

/// How a link's service mirror reaches the target's services.
package enum LinkMode: String, CaseIterable, Sendable {
    case gateway
    case remoteDiscovery = "remote-discovery"
}

/// One directional link: cluster `source` mirrors services of cluster `target`.
package struct Link: Sendable {
    package var source: Located<String>
    package var target: Located<String>
    package var mode: Located<LinkMode>
    /// The entry of `links:` it was expanded from.
    package var declaration: SourceRange

    package init(source: Located<String>, target: Located<String>, mode: Located<LinkMode>, declaration: SourceRange) {
        self.source = source
        self.target = target
        self.mode = mode
        self.declaration = declaration
    }
}
