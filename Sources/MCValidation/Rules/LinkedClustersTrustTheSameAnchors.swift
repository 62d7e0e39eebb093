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
            diagnostics.append(context.diagnostic(
                .trustAnchorSetsDiffer,
                "linked clusters '\(source.cluster.name.value)' and '\(target.cluster.name.value)' trust different anchor sets",
                at: link.declaration, label: "anchor sets differ",
                notes: [
                    context.note("'\(source.cluster.name.value)' trusts \(source.anchors.sorted().joined(separator: ", "))", at: source.cluster.name.range),
                    context.note("'\(target.cluster.name.value)' trusts \(target.anchors.sorted().joined(separator: ", "))", at: target.cluster.name.range),
                ],
                hint: "give both clusters the same bundle; 'linkerd multicluster check' fails otherwise"))
        }
    }
}
