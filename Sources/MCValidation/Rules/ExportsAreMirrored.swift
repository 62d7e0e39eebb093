import MCDiagnostics
import MCTopology

/// MC901 (warning): every export is mirrored by some link into its cluster in a matching mode.
struct ExportsAreMirrored: ValidationRule {
    let codes: [DiagnosticCode] = [.unmirroredExport]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        guard context.linksAreKnown else { return }
        for export in context.topology.exports where context.clusters[export.cluster.value] != nil {
            let mirrored = (context.linksByTarget[export.cluster.value] ?? []).contains {
                export.mode.value.isMirrored(by: $0.mode.value)
            }
            guard !mirrored else { continue }
            diagnostics.append(.unmirrored(export, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func unmirrored(_ export: Export, in context: ValidationContext) -> Diagnostic {
        let services = export.services.map { "'\($0.value)'" }.joined(separator: ", ")
        return context.diagnostic(
            .unmirroredExport,
            "the \(export.mode.value.rawValue) export of \(services) from '\(export.cluster.value)' is mirrored by no link",
            at: export.cluster.range, label: "no link mirrors it",
            hint: "link a cluster to '\(export.cluster.value)' in \(export.mode.value == .gateway ? "gateway" : "remote-discovery") mode"
                + ", or remove the export")
    }
}
