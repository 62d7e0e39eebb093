import MCDiagnostics
import X509

/// MC302: every certificate is valid now (`MCPLAN_NOW` when set).
struct CertificatesAreWithinValidity: ValidationRule {
    let codes: [DiagnosticCode] = [.certificateOutsideValidity]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for entry in context.certificateEntries {
            guard let certificate = entry.state.certificate?.certificate else { continue }
            if context.now > certificate.notValidAfter {
                diagnostics.append(context.diagnostic(
                    .certificateOutsideValidity, "\(entry.title) expired on \(certificate.notValidAfter.day)",
                    at: entry.range, label: "expired",
                    hint: "rotate it: add the new certificate beside the old one, move clusters over, then remove the old one"))
            } else if context.now < certificate.notValidBefore {
                diagnostics.append(context.diagnostic(
                    .certificateOutsideValidity, "\(entry.title) is not valid before \(certificate.notValidBefore.day)",
                    at: entry.range, label: "not yet valid", hint: "check the certificate's dates and the machine's clock"))
            }
        }
    }
}
