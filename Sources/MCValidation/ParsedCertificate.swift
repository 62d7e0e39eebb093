import X509

/// One certificate read from a trust anchor or issuer, with its PEM text as written.
package struct ParsedCertificate: Sendable {
    package var certificate: Certificate
    /// The PEM block, normalised to end with one newline.
    package var pem: String
}

/// What became of one certificate source.
package enum CertificateState: Sendable {
    case parsed(ParsedCertificate)
    /// Not a usable certificate: the reason, for MC300.
    case invalid(String)
    /// A certificate whose key swift-crypto refuses to load (RSA under 2048 bits), for MC303.
    case weakKey
    /// No source, or its file could not be read: reported elsewhere (MC106, MC306).
    case unavailable

    package var certificate: ParsedCertificate? {
        if case .parsed(let parsed) = self { return parsed }
        return nil
    }
}
