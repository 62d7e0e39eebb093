import MCDiagnostics
import MCTopology

/// MC902 (warning): every declared trust anchor is trusted by some cluster.
struct TrustAnchorsAreUsed: ValidationRule {
    let codes: [DiagnosticCode] = [.unusedTrustAnchor]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        guard !context.topology.incompleteSections.contains(.clusters) else { return }
        let used = Set(context.topology.clusters.flatMap { $0.trustAnchors.map(\.value) })
        var seen = Set<String>()
        for anchor in context.topology.trustAnchors where !used.contains(anchor.name.value) {
            guard seen.insert(anchor.name.value).inserted else { continue }
            diagnostics.append(.unused(anchor, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func unused(_ anchor: TrustAnchor, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .unusedTrustAnchor, "trust anchor '\(anchor.name.value)' is trusted by no cluster", at: anchor.name.range,
            label: "unused", hint: "add it to a cluster's trustAnchors, or remove it once a rotation is finished")
    }
}
