import MCDiagnostics

/// The whole mesh as declared in one topology file.
package struct Topology: Sendable {
    /// The topology file's path as shown in diagnostics.
    package var path: String
    package var settings: Settings
    package var trustAnchors: [TrustAnchor]
    package var clusters: [Cluster]
    /// Directional links after expanding `between`, `mesh` and lists.
    package var links: [Link]
    package var exports: [Export]
    package var splits: [Split]
    /// Sections with an entry that failed to load (already reported): rules that reason from the
    /// absence of something in such a section stay quiet rather than guess.
    package var incompleteSections: Set<Section> = []

    /// The lists of a topology.
    package enum Section: Sendable, Hashable {
        case trustAnchors, clusters, links, exports, splits
    }

    package init(
        path: String, settings: Settings, trustAnchors: [TrustAnchor] = [], clusters: [Cluster] = [],
        links: [Link] = [], exports: [Export] = [], splits: [Split] = []
    ) {
        self.path = path
        self.settings = settings
        self.trustAnchors = trustAnchors
        self.clusters = clusters
        self.links = links
        self.exports = exports
        self.splits = splits
    }
}
