import MCDiagnostics
import MCTopology

/// MC213: linked clusters trust at least one common anchor, or mTLS between them fails.
/// Reported once per pair of linked clusters.
struct LinkedClustersShareATrustAnchor: ValidationRule {
    let codes: [DiagnosticCode] = [.noSharedTrustAnchor]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for link in context.linkedPairs {
            guard let (source, target) = context.comparableAnchors(of: link),
                  source.anchors.isDisjoint(with: target.anchors) else { continue }
            diagnostics.append(.noSharedAnchor(link, source: source.cluster, target: target, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func noSharedAnchor(
        _ link: Link, source: Cluster, target: (cluster: Cluster, anchors: Set<String>), in context: ValidationContext
    ) -> Diagnostic {
        context.diagnostic(
            .noSharedTrustAnchor, "linked clusters '\(source.name.value)' and '\(target.cluster.name.value)' share no trust anchor",
            at: link.declaration, label: "cannot authenticate each other",
            notes: [context.note("'\(target.cluster.name.value)' trusts \(target.anchors.sorted().joined(separator: ", "))",
                                 at: target.cluster.name.range)],
            hint: "add a common root to both clusters' trustAnchors (a bundle of old and new roots works during a rotation)")
    }
}

extension ValidationContext {
    /// Both clusters of a link with their anchor names, when both are complete and every anchor
    /// they name is declared (otherwise MC106/MC203 already said what is wrong).
    func comparableAnchors(of link: Link) -> (source: (cluster: Cluster, anchors: Set<String>), target: (cluster: Cluster, anchors: Set<String>))? {
        guard let (source, target) = endpoints(of: link) else { return nil }
        let names = (source.trustAnchors + target.trustAnchors).map(\.value)
        guard !source.trustAnchors.isEmpty, !target.trustAnchors.isEmpty, names.allSatisfy({ anchors[$0] != nil }) else {
            return nil
        }
        return ((source, Set(source.trustAnchors.map(\.value))), (target, Set(target.trustAnchors.map(\.value))))
    }
}
