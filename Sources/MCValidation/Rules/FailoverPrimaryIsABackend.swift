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
            let suggestion = Suggestion.closest(to: failover.primary.value, among: names)
            diagnostics.append(context.diagnostic(
                .unknownFailoverPrimary,
                "failover primary '\(failover.primary.value)' is not a backend of the split"
                    + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                at: failover.primary.range, label: "not a backend",
                hint: "use one of: " + names.joined(separator: ", ")))
        }
    }
}
