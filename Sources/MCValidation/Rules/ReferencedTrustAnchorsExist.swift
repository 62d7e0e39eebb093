import MCDiagnostics
import MCTopology

/// MC203: every trust anchor a cluster names is declared.
struct ReferencedTrustAnchorsExist: ValidationRule {
    let codes: [DiagnosticCode] = [.unknownTrustAnchor]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        let known = context.topology.trustAnchors.map(\.name.value)
        for cluster in context.topology.clusters {
            for anchor in cluster.trustAnchors where context.anchors[anchor.value] == nil {
                let suggestion = Suggestion.closest(to: anchor.value, among: known)
                diagnostics.append(context.diagnostic(
                    .unknownTrustAnchor,
                    "trust anchor '\(anchor.value)' of cluster '\(cluster.name.value)' is not declared"
                        + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                    at: anchor.range, label: "not a trust anchor",
                    hint: suggestion.map { "write '\($0)'" } ?? "declare it under 'trustAnchors:' with its certificate"))
            }
        }
    }
}
