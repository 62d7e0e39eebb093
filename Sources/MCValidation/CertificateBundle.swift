import Foundation
import MCBasics
import SwiftASN1
import X509

/// What a reviewer needs to know of each certificate in a PEM bundle (a rendered trust bundle):
/// its subject, the SHA-256 fingerprint of its DER bytes and when it expires.
package enum CertificateBundle {
    package struct Summary: Sendable, Hashable {
        /// The subject as RFC 4514 text (`CN=root.linkerd.cluster.local,O=root`).
        package var subject: String
        /// Lowercase hex SHA-256 of the DER encoding, as `openssl x509 -fingerprint -sha256` prints it without colons.
        package var sha256: String
        /// `notAfter` in RFC 3339 (UTC).
        package var notAfter: String
    }

    /// Every certificate of `pem`, in order; blocks that are not certificates, or do not parse,
    /// are left out (the bundle was validated before it was rendered).
    package static func summaries(_ pem: String) -> [Summary] {
        guard let documents = try? PEMDocument.parseMultiple(pemString: pem) else { return [] }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return documents.filter { $0.discriminator == "CERTIFICATE" }.compactMap { document in
            guard let certificate = try? Certificate(derEncoded: document.derBytes) else { return nil }
            let digest = Digest.sha256(document.derBytes)
            return Summary(subject: String(describing: certificate.subject), sha256: String(digest.dropFirst("sha256:".count)),
                           notAfter: formatter.string(from: certificate.notValidAfter))
        }
    }
}
