import MCDiagnostics
import MCMesh
import MCTopology

/// MC904 (warning): a link whose target declares no credentials source needs the Secret
/// `cluster-credentials-<target>` provided out of band. Reported once per link.
struct LinksHaveACredentialsSource: ValidationRule {
    let codes: [DiagnosticCode] = [.linkWithoutCredentials]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        var seen = Set<[String]>()
        for link in context.crossLinks {
            guard let (_, target) = context.endpoints(of: link), target.credentials == nil,
                  seen.insert([link.source.value, link.target.value]).inserted else { continue }
            diagnostics.append(.noCredentials(link, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func noCredentials(_ link: Link, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .linkWithoutCredentials,
            "link \(link.source.value) → \(link.target.value) has no credentials source; "
                + "Secret '\(MeshNames.credentials(target: link.target.value))' must be provided out of band",
            at: link.target.range, label: "no credentials",
            hint: "add 'credentials: {externalSecret: {store: …, key: …}}' to cluster '\(link.target.value)'")
    }
}
