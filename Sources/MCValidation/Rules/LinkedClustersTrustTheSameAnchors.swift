import MCDiagnostics
import MCTopology

/// MC903 (warning): linked clusters that share an anchor also trust the same set, as
/// `linkerd multicluster check` ("clusters share trust anchors") expects.
struct LinkedClustersTrustTheSameAnchors: ValidationRule {
    let codes: [DiagnosticCode] = [.trustAnchorSetsDiffer]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for link in context.linkedPairs {
            guard let (source, target) = context.comparableAnchors(of: link),
                  !source.anchors.isDisjoint(with: target.anchors), source.anchors != target.anchors else { continue }
            diagnostics.append(.anchorSetsDiffer(link, sides: [source, target], in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func anchorSetsDiffer(_ link: Link, sides: [(cluster: Cluster, anchors: Set<String>)], in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .trustAnchorSetsDiffer,
            "linked clusters '\(sides[0].cluster.name.value)' and '\(sides[1].cluster.name.value)' trust different anchor sets",
            at: link.declaration, label: "anchor sets differ",
            notes: sides.map { context.note("'\($0.cluster.name.value)' trusts \($0.anchors.sorted().joined(separator: ", "))", at: $0.cluster.name.range) },
            hint: "give both clusters the same bundle; 'linkerd multicluster check' fails otherwise")
    }
}
