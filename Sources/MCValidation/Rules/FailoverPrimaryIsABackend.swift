import MCDiagnostics
import MCMesh
import MCTopology

/// MC224: a failover split's primary is one of its backends, by rendered name.
struct FailoverPrimaryIsABackend: ValidationRule {
    let codes: [DiagnosticCode] = [.unknownFailoverPrimary]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for split in context.topology.splits where split.isComplete {
            guard let failover = split.failover else { continue }
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
}
