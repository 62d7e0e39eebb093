import Foundation
import MCDiagnostics
import X509

/// MC900 (warning): no certificate expires within `certificateWarningDays`.
struct CertificatesDoNotExpireSoon: ValidationRule {
    let codes: [DiagnosticCode] = [.certificateExpiringSoon]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        let days = context.topology.settings.certificateWarningDays.value
        for entry in context.certificateEntries {
            guard let certificate = entry.state.certificate?.certificate else { continue }
            let left = certificate.notValidAfter.timeIntervalSince(context.now)
            guard left >= 0, left < Double(days) * 86_400, context.now >= certificate.notValidBefore else { continue }
            diagnostics.append(.expiresSoon(entry, on: certificate.notValidAfter, inDays: Int(left / 86_400), warningDays: days, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func expiresSoon(
        _ entry: CertificateEntry, on day: Date, inDays remaining: Int, warningDays days: Int, in context: ValidationContext
    ) -> Diagnostic {
        context.diagnostic(
            .certificateExpiringSoon, "\(entry.title) expires on \(day.day), in \(remaining) day\(remaining == 1 ? "" : "s")",
            at: entry.range, label: "expires soon",
            hint: "plan the rotation now; the warning starts \(days) days ahead (settings.certificateWarningDays)")
    }
}
