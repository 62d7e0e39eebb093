import MCDiagnostics
import MCTopology
import X509

/// MC215: across a link, each cluster's proxies present certificates from its issuer, and the
/// other cluster checks them against its own bundle. When both clusters declare an issuer, each
/// issuer must be signed by an anchor the other cluster trusts: sharing some anchor (MC213) is
/// not enough in a half-done rotation, where one side's issuer is signed by a root the other side
/// does not trust yet. Pairs that share no anchor, issuers their own cluster does not trust
/// (MC304) and certificates that cannot be read are other rules' to report.
struct IssuersAreTrustedAcrossLinks: ValidationRule {
    let codes: [DiagnosticCode] = [.issuerNotTrustedAcrossLink]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for link in context.linkedPairs {
            // Both ends need an issuer: most fleets declare none, and then no pair needs its anchors.
            guard context.clusters[link.source.value]?.issuer != nil, context.clusters[link.target.value]?.issuer != nil,
                  let (source, target) = context.comparableAnchors(of: link),
                  !source.anchors.isDisjoint(with: target.anchors) else { continue }
            for (issuing, checking) in [(source.cluster, target.cluster), (target.cluster, source.cluster)] {
                guard let issuer = context.issuer(of: issuing), let own = context.anchorCertificates(of: issuing),
                      let other = context.anchorCertificates(of: checking), context.issuer(of: checking) != nil,
                      own.contains(where: { $0.publicKey.isValidSignature(issuer.signature, for: issuer) }),
                      !other.contains(where: { $0.publicKey.isValidSignature(issuer.signature, for: issuer) }) else { continue }
                diagnostics.append(.issuerNotTrusted(of: issuing, by: checking, link: link, in: context))
            }
        }
    }
}

extension ValidationContext {
    /// The parsed issuer certificate of a cluster, when it declares one that could be read.
    fileprivate func issuer(of cluster: Cluster) -> Certificate? {
        guard cluster.issuer != nil else { return nil }
        return issuerCertificates[cluster.name.value]?.certificate?.certificate
    }

    /// The parsed anchors a cluster trusts; nil when one of them cannot be read.
    fileprivate func anchorCertificates(of cluster: Cluster) -> [Certificate]? {
        let certificates = cluster.trustAnchors.map { anchorCertificates[$0.value]?.certificate?.certificate }
        guard certificates.allSatisfy({ $0 != nil }) else { return nil }
        return certificates.map { $0! }
    }
}

extension Diagnostic {
    fileprivate static func issuerNotTrusted(of issuing: Cluster, by checking: Cluster, link: Link, in context: ValidationContext) -> Diagnostic {
        let anchors = checking.trustAnchors.map(\.value).joined(separator: ", ")
        return context.diagnostic(
            .issuerNotTrustedAcrossLink,
            "the issuer of '\(issuing.name.value)' is not signed by any anchor '\(checking.name.value)' trusts (\(anchors)); "
                + "mTLS from '\(issuing.name.value)' to '\(checking.name.value)' fails",
            at: link.declaration, label: "proxies cannot authenticate across this link",
            notes: [context.note("the issuer of '\(issuing.name.value)' is declared here", at: issuing.issuer?.range ?? issuing.name.range)],
            hint: "add the root that signed the issuer of '\(issuing.name.value)' to the trustAnchors of '\(checking.name.value)' "
                + "before moving '\(issuing.name.value)' to it (rotate bundles first, issuers second)")
    }
}
