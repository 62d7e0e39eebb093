import Foundation
import MCDiagnostics
import MCTopology

/// The topology with the lookups every rule needs, built once per validation.
package struct ValidationContext: Sendable {
    package let input: ValidationInput
    package var topology: Topology { input.topology }
    package var path: String { input.topology.path }
    package var now: Date { input.now }

    /// The first declaration of each cluster and trust anchor name.
    package let clusters: [String: Cluster]
    package let anchors: [String: TrustAnchor]
    /// Each anchor's certificate by anchor name; each issuer's by cluster name.
    package let anchorCertificates: [String: CertificateState]
    package let issuerCertificates: [String: CertificateState]
    /// Directional links by source and target name (the first declaration).
    private let linksByPair: [LinkKey: Link]
    /// Every link into a cluster, and every export of a cluster, in declaration order.
    package let linksByTarget: [String: [Link]]
    package let exportsByCluster: [String: [Export]]
    /// Links between two different clusters: a self link is MC210's alone, every other rule
    /// looks past it.
    package let crossLinks: [Link]
    /// Each unordered pair of distinct linked clusters once, in first-declaration order, with the
    /// first link that joins them.
    package let linkedPairs: [Link]

    private struct LinkKey: Hashable {
        var source: String
        var target: String
    }

    package init(_ input: ValidationInput) {
        self.input = input
        var clusters: [String: Cluster] = [:]
        for cluster in input.topology.clusters where clusters[cluster.name.value] == nil {
            clusters[cluster.name.value] = cluster
        }
        var anchors: [String: TrustAnchor] = [:]
        for anchor in input.topology.trustAnchors where anchors[anchor.name.value] == nil {
            anchors[anchor.name.value] = anchor
        }
        self.clusters = clusters
        self.anchors = anchors
        anchorCertificates = anchors.mapValues { CertificateReader.read($0.source, files: input.files) }
        issuerCertificates = clusters.mapValues { CertificateReader.read($0.issuer, files: input.files) }
        var links: [LinkKey: Link] = [:]
        for link in input.topology.links {
            let key = LinkKey(source: link.source.value, target: link.target.value)
            if links[key] == nil { links[key] = link }
        }
        linksByPair = links
        linksByTarget = Dictionary(grouping: input.topology.links, by: \.target.value)
        exportsByCluster = Dictionary(grouping: input.topology.exports, by: \.cluster.value)
        crossLinks = input.topology.links.filter { $0.source.value != $0.target.value }
        var seen = Set<LinkKey>()
        linkedPairs = crossLinks.filter { link in
            let (a, b) = (link.source.value, link.target.value)
            return seen.insert(a < b ? LinkKey(source: a, target: b) : LinkKey(source: b, target: a)).inserted
        }
    }

    /// The link `source` → `target`, if declared.
    package func link(from source: String, to target: String) -> Link? {
        linksByPair[LinkKey(source: source, target: target)]
    }

    /// Every link entry loaded and names declared clusters: only then can a rule conclude from a
    /// link's absence (an entry that failed, or a misspelt target, may be the link meant).
    package var linksAreKnown: Bool {
        !topology.incompleteSections.contains(.links)
            && topology.links.allSatisfy { clusters[$0.source.value] != nil && clusters[$0.target.value] != nil }
    }

    /// Every export entry loaded: only then can a rule conclude from an export's absence.
    package var exportsAreKnown: Bool { !topology.incompleteSections.contains(.exports) }

    /// A diagnostic in the topology file.
    package func diagnostic(
        _ code: DiagnosticCode, _ message: String, at range: SourceRange, label: String? = nil,
        notes: [Diagnostic.Note] = [], hint: String? = nil
    ) -> Diagnostic {
        Diagnostic(code, message, file: path, range: range, label: label, notes: notes, hint: hint)
    }

    /// A note pointing into the topology file.
    package func note(_ message: String, at range: SourceRange) -> Diagnostic.Note {
        Diagnostic.Note(message, file: path, range: range)
    }

    /// Both ends of every link are declared, complete clusters: rules that compare them can.
    package func endpoints(of link: Link) -> (source: Cluster, target: Cluster)? {
        guard let source = clusters[link.source.value], let target = clusters[link.target.value],
              source.isComplete, target.isComplete else { return nil }
        return (source, target)
    }

    /// Where a certificate source is written: what the user must change.
    package func range(of source: CertificateSource?, orElse fallback: SourceRange) -> SourceRange {
        source?.range ?? fallback
    }
}
