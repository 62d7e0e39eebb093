import MCDiagnostics
import MCTopology

/// MC214: remote discovery and federated services need both clusters' control planes in the same
/// Linkerd namespace (the proxy resolves the remote cluster's destination service by name).
struct DiscoveryStaysWithinOneLinkerdNamespace: ValidationRule {
    let codes: [DiagnosticCode] = [.linkerdNamespaceMismatch]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        var reported = Set<[String]>()
        func mismatch(_ link: Link, _ why: String, at range: SourceRange) {
            guard let (source, target) = context.endpoints(of: link),
                  source.linkerdNamespace.value != target.linkerdNamespace.value,
                  reported.insert([link.source.value, link.target.value, why]).inserted else { return }
            diagnostics.append(.namespacesDiffer(why, source: source, target: target, at: range, in: context))
        }
        for link in context.topology.links where link.mode.value == .remoteDiscovery {
            mismatch(link, "remote-discovery link", at: link.mode.range)
        }
    }
}

extension Diagnostic {
    fileprivate static func namespacesDiffer(_ why: String, source: Cluster, target: Cluster, at range: SourceRange, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .linkerdNamespaceMismatch,
            "\(why) between '\(source.name.value)' (Linkerd in '\(source.linkerdNamespace.value)') and '\(target.name.value)' (Linkerd in '\(target.linkerdNamespace.value)')",
            at: range, label: "different Linkerd namespaces",
            hint: "install Linkerd in the same namespace on both clusters, or use gateway mode")
    }
}
