import MCDiagnostics
import X509

/// MC301: trust anchors and issuers are CA certificates (basic constraints CA:TRUE).
struct CertificatesAreAuthorities: ValidationRule {
    let codes: [DiagnosticCode] = [.certificateNotCA]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for entry in context.certificateEntries {
            guard let parsed = entry.state.certificate else { continue }
            if case .isCertificateAuthority = try? parsed.certificate.extensions.basicConstraints { continue }
            diagnostics.append(.notAnAuthority(entry, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func notAnAuthority(_ entry: CertificateEntry, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .certificateNotCA, "\(entry.title) is not a CA certificate", at: entry.range, label: "CA:FALSE",
            hint: entry.role == .anchor
                ? "use the root CA certificate (basicConstraints CA:TRUE), not a leaf"
                : "use the identity issuer: an intermediate CA (basicConstraints CA:TRUE, pathlen 0)")
    }
}
