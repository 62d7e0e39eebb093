import MCDiagnostics
import MCTopology
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
            diagnostics.append(.issuerNotSigned(cluster, at: issuerSource.range, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func issuerNotSigned(_ cluster: Cluster, at range: SourceRange, in context: ValidationContext) -> Diagnostic {
        let names = cluster.trustAnchors.map { "'\($0.value)'" }.joined(separator: ", ")
        return context.diagnostic(
            .issuerNotSignedByAnchor, "the issuer of '\(cluster.name.value)' is not signed by any of its trust anchors (\(names))",
            at: range, label: "signed by another CA",
            hint: "issue it from one of the cluster's roots, or add its root to the cluster's trustAnchors")
    }
}
