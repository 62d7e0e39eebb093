import MCDiagnostics

/// The topology entry that makes an object exist: shown as a plan's reason.
package struct Origin: Sendable, Hashable {
    /// "link west → east", "split of 'podinfo' in west/test".
    package var description: String
    /// Where the entry is written in the topology.
    package var range: SourceRange

    package init(_ description: String, at range: SourceRange) {
        self.description = description
        self.range = range
    }
}
