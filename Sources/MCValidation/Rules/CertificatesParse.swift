import MCDiagnostics
import MCTopology

/// MC300: every trust anchor and issuer holds exactly one PEM X.509 certificate.
struct CertificatesParse: ValidationRule {
    let codes: [DiagnosticCode] = [.unparsableCertificate]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for entry in context.certificateEntries {
            guard case .invalid(let reason) = entry.state else { continue }
            diagnostics.append(.unparsable(entry, reason: reason, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func unparsable(_ entry: CertificateEntry, reason: String, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .unparsableCertificate, "\(entry.title) cannot be read: \(reason)", at: entry.range, label: "not one PEM certificate",
            hint: "give exactly one '-----BEGIN CERTIFICATE-----' block (the public certificate, never its key)")
    }
}
