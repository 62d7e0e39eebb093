import MCDiagnostics
import X509

/// MC304: each cluster's issuer is signed by one of the anchors that cluster trusts.
struct IssuersAreSignedByTheirAnchors: ValidationRule {
    let codes: [DiagnosticCode] = [.issuerNotSignedByAnchor]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for cluster in context.topology.clusters {
            guard let issuerSource = cluster.issuer,
                  let issuer = context.issuerCertificates[cluster.name.value]?.certificate?.certificate,
                  !cluster.trustAnchors.isEmpty else { continue }
            let anchors = cluster.trustAnchors.map { context.anchorCertificates[$0.value]?.certificate?.certificate }
            // An anchor that is unknown or unreadable was reported already; it might be the signer.
            guard anchors.allSatisfy({ $0 != nil }) else { continue }
            guard !anchors.contains(where: { $0!.publicKey.isValidSignature(issuer.signature, for: issuer) }) else { continue }
            let names = cluster.trustAnchors.map { "'\($0.value)'" }.joined(separator: ", ")
            diagnostics.append(context.diagnostic(
                .issuerNotSignedByAnchor, "the issuer of '\(cluster.name.value)' is not signed by any of its trust anchors (\(names))",
                at: issuerSource.range, label: "signed by another CA",
                hint: "issue it from one of the cluster's roots, or add its root to the cluster's trustAnchors"))
        }
    }
}
