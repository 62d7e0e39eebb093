import Foundation
import MCDiagnostics
import MCTopology
import X509

/// A trust anchor or issuer certificate with where it is declared.
struct CertificateEntry {
    enum Role { case anchor, issuer }

    var role: Role
    /// "trust anchor 'root'" or "the issuer of 'east'".
    var title: String
    /// The source node (`file:` value or `pem:` text): what the user must change.
    var range: SourceRange
    var state: CertificateState
}

extension ValidationContext {
    /// Every declared anchor (first declaration of each name), then every cluster's issuer.
    var certificateEntries: [CertificateEntry] {
        var entries: [CertificateEntry] = []
        var seen = Set<String>()
        for anchor in topology.trustAnchors where seen.insert(anchor.name.value).inserted {
            guard let source = anchor.source else { continue }
            entries.append(CertificateEntry(role: .anchor, title: "trust anchor '\(anchor.name.value)'", range: source.range,
                                            state: anchorCertificates[anchor.name.value] ?? .unavailable))
        }
        for (name, cluster) in clusters.sorted(by: { $0.value.range < $1.value.range }) {
            guard let issuer = cluster.issuer else { continue }
            entries.append(CertificateEntry(role: .issuer, title: "the issuer of '\(name)'", range: issuer.range,
                                            state: issuerCertificates[name] ?? .unavailable))
        }
        return entries
    }
}

extension Date {
    /// `2027-01-15`, for messages.
    var day: String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: self)
    }
}
