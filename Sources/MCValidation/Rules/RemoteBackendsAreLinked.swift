import MCDiagnostics
import MCMesh
import MCTopology

/// MC221: the split's cluster links to a remote backend's cluster in a mode that mirrors that
/// export (so the mirror service `<service>-<cluster>` exists); for a federated backend it links
/// in remote-discovery mode to at least one cluster that exports the service as federated.
struct RemoteBackendsAreLinked: ValidationRule {
    let codes: [DiagnosticCode] = [.backendClusterNotLinked]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        guard context.linksAreKnown else { return }
        for split in context.topology.splits {
            guard context.clusters[split.cluster.value] != nil else { continue }
            let source = split.cluster.value
            let namespace = split.namespace.value
            for backend in split.backends {
                let service = backend.service.value
                if let cluster = backend.cluster, backend.federated?.value != true {
                    guard context.clusters[cluster.value] != nil else { continue }
                    let modes = context.exportModes(of: service, in: namespace, by: cluster.value)
                        .filter { $0 != .federated }
                    guard !modes.isEmpty else { continue }
                    guard let link = context.link(from: source, to: cluster.value) else {
                        diagnostics.append(.notLinked(backend, cluster: cluster, from: source, context))
                        continue
                    }
                    guard !modes.contains(where: { $0.isMirrored(by: link.mode.value) }) else { continue }
                    let exportMode = modes.sorted { $0.rawValue < $1.rawValue }[0]
                    diagnostics.append(.modeMismatch(link, cluster: cluster, service: service, exportMode: exportMode, context))
                } else if backend.federated?.value == true {
                    let members = context.topology.exports.filter {
                        $0.mode.value == .federated && $0.namespace.value == namespace
                            && $0.services.contains { $0.value == service }
                    }.map(\.cluster.value)
                    guard !members.isEmpty, !members.contains(where: { context.link(from: source, to: $0)?.mode.value == .remoteDiscovery }) else {
                        continue
                    }
                    diagnostics.append(.noFederatedMemberLinked(backend, from: source, members: members, context))
                }
            }
        }
    }
}

extension Diagnostic {
    fileprivate static func notLinked(_ backend: Backend, cluster: Located<String>, from source: String, _ context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .backendClusterNotLinked, "'\(source)' does not link to '\(cluster.value)', so there is no '\(MeshNames.service(of: backend))'",
            at: cluster.range, label: "not linked from '\(source)'",
            hint: "add a link {source: \(source), target: \(cluster.value)}")
    }

    fileprivate static func modeMismatch(
        _ link: Link, cluster: Located<String>, service: String, exportMode: ExportMode, _ context: ValidationContext
    ) -> Diagnostic {
        let source = link.source.value
        return context.diagnostic(
            .backendClusterNotLinked,
            "'\(source)' links to '\(cluster.value)' in \(link.mode.value.rawValue) mode, which does not mirror the \(exportMode.rawValue) export of '\(service)'",
            at: cluster.range, label: "mirrored by no link",
            notes: [context.note("link \(source) → \(cluster.value) declared here", at: link.declaration)],
            hint: "use the same mode on the link and the export")
    }

    fileprivate static func noFederatedMemberLinked(_ backend: Backend, from source: String, members: [String], _ context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .backendClusterNotLinked,
            "'\(source)' has no remote-discovery link to a cluster exporting '\(backend.service.value)' as federated",
            at: backend.federated!.range, label: "no federated member linked",
            hint: "link '\(source)' in remote-discovery mode to " + members.map { "'\($0)'" }.joined(separator: " or ")
                + " (federated services are mirrored by remote-discovery links only)")
    }
}
