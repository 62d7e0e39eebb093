import MCDiagnostics

/// The topology entry that makes an object exist, as data: views word it (a plan's reason).
package struct Origin: Sendable, Hashable {
    /// What kind of entry it is.
    package enum Entry: Sendable, Hashable {
        /// A cluster's `trustAnchors` (the anchors in declared order).
        case trustAnchors(cluster: String, anchors: [String])
        /// A link, after expansion.
        case link(source: String, target: String)
        /// A split of an apex service.
        case split(service: String, cluster: String, namespace: String)
    }

    package var entry: Entry
    /// Where the entry is written in the topology.
    package var range: SourceRange

    package init(_ entry: Entry, at range: SourceRange) {
        self.entry = entry
        self.range = range
    }
}
