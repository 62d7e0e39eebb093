import MCDiagnostics
import MCMesh
import MCTopology

/// MC220: a remote backend `<service>` of cluster X is exported by X in the split's namespace in
/// gateway or remote-discovery mode; a federated backend is exported as federated by some cluster.
struct RemoteBackendsAreExported: ValidationRule {
    let codes: [DiagnosticCode] = [.backendNotExported]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        guard context.exportsAreKnown else { return }
        for split in context.topology.splits {
            let namespace = split.namespace.value
            for backend in split.backends {
                let service = backend.service.value
                if let cluster = backend.cluster {
                    guard context.clusters[cluster.value] != nil, backend.federated?.value != true else { continue }
                    let modes = context.exportModes(of: service, in: namespace, by: cluster.value)
                    guard !modes.contains(.gateway), !modes.contains(.remoteDiscovery) else { continue }
                    diagnostics.append(.notExported(backend, by: cluster.value, in: namespace, onlyFederated: modes.contains(.federated), context))
                } else if backend.federated?.value == true {
                    let exporters = context.topology.exports.filter {
                        $0.mode.value == .federated && $0.namespace.value == namespace
                            && $0.services.contains { $0.value == service }
                    }
                    guard exporters.isEmpty else { continue }
                    diagnostics.append(.notFederated(backend, in: namespace, context))
                }
            }
        }
    }
}

extension Diagnostic {
    fileprivate static func notExported(
        _ backend: Backend, by cluster: String, in namespace: String, onlyFederated: Bool, _ context: ValidationContext
    ) -> Diagnostic {
        let service = backend.service.value
        return context.diagnostic(
            .backendNotExported,
            onlyFederated
                ? "'\(cluster)' exports '\(service)' in '\(namespace)' only as federated, so there is no '\(MeshNames.service(of: backend))'"
                : "'\(cluster)' does not export '\(service)' in namespace '\(namespace)'",
            at: backend.service.range, label: "not exported by '\(cluster)'",
            hint: onlyFederated
                ? "use 'federated: true' instead of 'cluster: \(cluster)'"
                : "add an export {cluster: \(cluster), namespace: \(namespace), service: \(service)}")
    }

    fileprivate static func notFederated(_ backend: Backend, in namespace: String, _ context: ValidationContext) -> Diagnostic {
        let service = backend.service.value
        return context.diagnostic(
            .backendNotExported, "no cluster exports '\(service)' as federated in namespace '\(namespace)'",
            at: backend.service.range, label: "no federated export",
            hint: "export '\(service)' with 'mode: federated' from the clusters that serve it")
    }
}

extension ValidationContext {
    /// The modes in which `cluster` exports `service` in `namespace`.
    func exportModes(of service: String, in namespace: String, by cluster: String) -> Set<ExportMode> {
        Set((exportsByCluster[cluster] ?? []).filter {
            $0.namespace.value == namespace && $0.services.contains { $0.value == service }
        }.map(\.mode.value))
    }
}
