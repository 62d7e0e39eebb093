import Crypto
import MCDiagnostics
import X509
import _CryptoExtras

/// MC303: trust anchors hold ECDSA P-256 or RSA 2048/4096 keys; issuers ECDSA P-256 only (what
/// Linkerd's identity controller accepts).
struct CertificateKeysAreSupported: ValidationRule {
    let codes: [DiagnosticCode] = [.unsupportedKey]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for entry in context.certificateEntries {
            let key: KeyKind
            switch entry.state {
            case .parsed(let parsed): key = KeyKind(parsed.certificate.publicKey)
            case .weakKey: key = .weakRSA
            case .invalid, .unavailable: continue
            }
            let accepted = entry.role == .anchor ? key.isAcceptedForAnchors : key == .p256
            guard !accepted else { continue }
            diagnostics.append(.unsupportedKey(entry, key: key, in: context))
        }
    }

    enum KeyKind: Equatable {
        case p256, p384, p521, rsa(Int), other
        /// RSA under 2048 bits, which swift-crypto will not even load.
        case weakRSA

        init(_ key: Certificate.PublicKey) {
            if P256.Signing.PublicKey(key) != nil {
                self = .p256
            } else if P384.Signing.PublicKey(key) != nil {
                self = .p384
            } else if P521.Signing.PublicKey(key) != nil {
                self = .p521
            } else if let rsa = _RSA.Signing.PublicKey(key) {
                self = .rsa(rsa.keySizeInBits)
            } else {
                self = .other
            }
        }

        var isAcceptedForAnchors: Bool { self == .p256 || self == .rsa(2048) || self == .rsa(4096) }

        var title: String {
            switch self {
            case .p256: "ECDSA P-256"
            case .p384: "ECDSA P-384"
            case .p521: "ECDSA P-521"
            case .rsa(let bits): "RSA \(bits)-bit"
            case .weakRSA: "RSA under 2048 bits"
            case .other: "non-ECDSA, non-RSA"
            }
        }
    }
}

extension Diagnostic {
    fileprivate static func unsupportedKey(
        _ entry: CertificateEntry, key: CertificateKeysAreSupported.KeyKind, in context: ValidationContext
    ) -> Diagnostic {
        context.diagnostic(
            .unsupportedKey, "\(entry.title) has an unsupported key: \(key.title)", at: entry.range, label: "unsupported key",
            hint: entry.role == .anchor
                ? "Linkerd trust anchors use ECDSA P-256 or RSA 2048/4096 keys"
                : "Linkerd's identity issuer must use an ECDSA P-256 key")
    }
}
