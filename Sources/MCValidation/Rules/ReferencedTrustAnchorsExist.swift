import MCDiagnostics
import MCTopology

/// MC203: every trust anchor a cluster names is declared.
struct ReferencedTrustAnchorsExist: ValidationRule {
    let codes: [DiagnosticCode] = [.unknownTrustAnchor]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        let known = context.topology.trustAnchors.map(\.name.value)
        for cluster in context.topology.clusters {
            for anchor in cluster.trustAnchors where context.anchors[anchor.value] == nil {
                diagnostics.append(.unknownAnchor(anchor, of: cluster, suggestion: Suggestion(for: anchor.value, among: known), in: context))
            }
        }
    }
}

extension Diagnostic {
    fileprivate static func unknownAnchor(_ anchor: Located<String>, of cluster: Cluster, suggestion: Suggestion, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .unknownTrustAnchor, "trust anchor '\(anchor.value)' of cluster '\(cluster.name.value)' is not declared" + suggestion.didYouMean,
            at: anchor.range, label: "not a trust anchor",
            hint: suggestion.hint({ "write '\($0)'" }, otherwise: "declare it under 'trustAnchors:' with its certificate"))
    }
}
