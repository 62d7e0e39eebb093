import MCDiagnostics

/// Where a certificate comes from: a file relative to the topology, or inline PEM.
package enum CertificateSource: Sendable {
    case file(Located<String>)
    case pem(Located<String>)

    package var range: SourceRange {
        switch self {
        case .file(let path): path.range
        case .pem(let text): text.range
        }
    }
}

/// A named public root certificate that clusters can trust.
package struct TrustAnchor: Sendable {
    package var name: Located<String>
    /// Nil when the entry gave neither `file` nor `pem` (already reported).
    package var source: CertificateSource?
    /// The whole entry.
    package var range: SourceRange

    package init(name: Located<String>, source: CertificateSource?, range: SourceRange) {
        self.name = name
        self.source = source
        self.range = range
    }
}
