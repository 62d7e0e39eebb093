import MCDiagnostics
import MCMesh
import MCTopology

/// MC224: linkerd-failover can drive a failover split: its primary is one of its backends (by
/// rendered name), and every backend can have Endpoints, from which linkerd-failover reads
/// readiness. A remote-discovery mirror and a federated Service never have any, so they would
/// stay at weight 0 for ever.
struct FailoverSplitsCanBeDriven: ValidationRule {
    let codes: [DiagnosticCode] = [.unknownFailoverPrimary]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for split in context.topology.splits where split.isComplete {
            guard let failover = split.failover else { continue }
            for backend in split.backends {
                if backend.federated?.value == true {
                    diagnostics.append(.withoutEndpoints(backend, kind: "a federated Service", in: context))
                } else if let cluster = backend.cluster {
                    let modes = context.exportModes(of: backend.service.value, in: split.namespace.value, by: cluster.value)
                    guard !modes.contains(.gateway), modes.contains(.remoteDiscovery) else { continue }
                    diagnostics.append(.withoutEndpoints(backend, kind: "a remote-discovery mirror", in: context))
                }
            }
            let names = split.backends.map(MeshNames.service(of:))
            guard !names.contains(failover.primary.value) else { continue }
            diagnostics.append(.unknownPrimary(failover.primary, backends: names, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func unknownPrimary(_ primary: Located<String>, backends names: [String], in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .unknownFailoverPrimary,
            "failover primary '\(primary.value)' is not a backend of the split" + Suggestion(for: primary.value, among: names).didYouMean,
            at: primary.range, label: "not a backend", hint: "use one of: " + names.joined(separator: ", "))
    }

    fileprivate static func withoutEndpoints(_ backend: Backend, kind: String, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .unknownFailoverPrimary,
            "failover backend '\(MeshNames.service(of: backend))' is \(kind), which has no Endpoints for linkerd-failover to watch",
            at: backend.service.range, label: "no Endpoints",
            hint: "fail over to a local Service or a gateway mirror (export it in gateway mode and link in gateway mode)")
    }
}
