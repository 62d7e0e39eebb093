import Foundation
import MCDiagnostics
import X509

/// MC302: every certificate is valid now (`MCPLAN_NOW` when set).
struct CertificatesAreWithinValidity: ValidationRule {
    let codes: [DiagnosticCode] = [.certificateOutsideValidity]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for entry in context.certificateEntries {
            guard let certificate = entry.state.certificate?.certificate else { continue }
            if context.now > certificate.notValidAfter {
                diagnostics.append(.expired(entry, on: certificate.notValidAfter, in: context))
            } else if context.now < certificate.notValidBefore {
                diagnostics.append(.notYetValid(entry, before: certificate.notValidBefore, in: context))
            }
        }
    }
}

extension Diagnostic {
    fileprivate static func expired(_ entry: CertificateEntry, on day: Date, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .certificateOutsideValidity, "\(entry.title) expired on \(day.day)", at: entry.range, label: "expired",
            hint: "rotate it: add the new certificate beside the old one, move clusters over, then remove the old one")
    }

    fileprivate static func notYetValid(_ entry: CertificateEntry, before day: Date, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .certificateOutsideValidity, "\(entry.title) is not valid before \(day.day)",
            at: entry.range, label: "not yet valid", hint: "check the certificate's dates and the machine's clock")
    }
}
