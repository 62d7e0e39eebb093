import MCDiagnostics
import MCMesh
import MCTopology

/// MC204: names the mesh derives stay within Kubernetes' 63-character limit: `probe-<cluster>`
/// for every cluster, `<service>-<target>` for every export a gateway or remote-discovery link
/// mirrors, and every remote (or federated) split backend.
struct DerivedNamesFitKubernetesLimits: ValidationRule {
    let codes: [DiagnosticCode] = [.derivedNameTooLong]
    static let limit = 63

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        var seen = Set<SourceRange>()
        func require(_ derived: String, at range: SourceRange, from what: String, notes: [Diagnostic.Note] = []) {
            guard derived.count > Self.limit, seen.insert(range).inserted else { return }
            diagnostics.append(.tooLong(derived, at: range, from: what, notes: notes, in: context))
        }
        // A name that is itself no valid label is MC200's to report.
        for cluster in context.topology.clusters where NameFormat.isDNS1123Label(cluster.name.value) {
            require(MeshNames.probe(cluster: cluster.name.value), at: cluster.name.range, from: "the cluster name")
        }
        for link in context.topology.links {
            for export in context.exportsByCluster[link.target.value] ?? [] {
                guard export.mode.value != .federated, export.mode.value.isMirrored(by: link.mode.value) else { continue }
                // Bytes bound characters: only a name that may be too long is made (a large mesh
                // mirrors hundreds of thousands).
                for service in export.services where MeshNames.mirrorByteCount(service: service.value, cluster: link.target.value) > Self.limit {
                    require(MeshNames.mirror(service: service.value, cluster: link.target.value), at: service.range, from: "the service or cluster name",
                            notes: [context.note("mirrored by the link \(link.source.value) → \(link.target.value)", at: link.declaration)])
                }
            }
        }
        for split in context.topology.splits {
            for backend in split.backends where backend.cluster != nil || backend.federated?.value == true {
                require(MeshNames.service(of: backend), at: backend.service.range, from: "the service or cluster name")
            }
        }
    }
}

extension Diagnostic {
    fileprivate static func tooLong(_ derived: String, at range: SourceRange, from what: String, notes: [Note], in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .derivedNameTooLong, "derived name '\(derived)' is \(derived.count) characters, over 63",
            at: range, label: "makes a name that is too long", notes: notes,
            hint: "shorten \(what) by \(derived.count - DerivedNamesFitKubernetesLimits.limit) characters")
    }
}
