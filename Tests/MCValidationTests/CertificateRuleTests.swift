import MCDiagnostics
import Testing

@testable import MCValidation

/// A topology whose one cluster trusts `anchors` (names of fixture certificates) and optionally
/// has an issuer; markers may be placed before the file values with `marked`.
func certificateTopology(anchors: [String], marked: Set<String> = [], issuer: String? = nil, markIssuer: Bool = false, settings: String = "") -> String {
    var text = "apiVersion: mcplan/v1\nkind: Topology\n" + settings + "trustAnchors:\n"
    for anchor in anchors {
        text += "  - name: \(anchor)\n    file: \(marked.contains(anchor) ? "1️⃣" : "")certs/\(anchor).crt\n"
    }
    text += "clusters:\n  - name: a\n    trustAnchors: [\(anchors.joined(separator: ", "))]\n"
    if let issuer { text += "    issuer: {file: \(markIssuer ? "1️⃣" : "")certs/\(issuer).crt}\n" }
    return text
}

@Suite struct CertificateRuleTests {
    static let parsing: [RuleCase] = [
        .init("good root and issuer", certificateTopology(anchors: ["root-p256"], issuer: "issuer-p256")),
        .init("two certificates in one file", certificateTopology(anchors: ["bundle-of-two"], marked: ["bundle-of-two"]),
              [Expected(.unparsableCertificate, "1", "trust anchor 'bundle-of-two' cannot be read: it holds 2 certificates where one is expected; declare each as its own trust anchor")]),
        .init("not PEM", "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - name: r\n    pem: 1️⃣hello\nclusters:\n  - {name: a, trustAnchors: [r]}\n",
              [Expected(.unparsableCertificate, "1", "trust anchor 'r' cannot be read: it holds no PEM certificate ('-----BEGIN CERTIFICATE-----')")]),
        .init("malformed base64", "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - name: r\n    pem: 1️⃣|\n      -----BEGIN CERTIFICATE-----\n      not base64 ***\n      -----END CERTIFICATE-----\nclusters:\n  - {name: a, trustAnchors: [r]}\n",
              [Expected(.unparsableCertificate, "1", "trust anchor 'r' cannot be read: the PEM text is malformed")]),
        .init("not X.509", "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - name: r\n    pem: 1️⃣|\n      -----BEGIN CERTIFICATE-----\n      aGVsbG8gd29ybGQ=\n      -----END CERTIFICATE-----\nclusters:\n  - {name: a, trustAnchors: [r]}\n",
              [Expected(.unparsableCertificate, "1", "trust anchor 'r' cannot be read: it is not a valid X.509 certificate")]),
        .init("binary file", certificateTopology(anchors: ["root-der"], marked: ["root-der"]),
              [Expected(.unparsableCertificate, "1", "trust anchor 'root-der' cannot be read: the file is not PEM text (is it DER? convert it with 'openssl x509 -outform pem')")],
              files: ["certs/root-der.crt": [0x30, 0x82, 0xFF, 0x00]]),
    ]

    @Test(arguments: parsing)
    func mc300(_ testCase: RuleCase) throws { try check(testCase, rule: CertificatesParse()) }

    static let authorities: [RuleCase] = [
        .init("CA anchor and CA issuer", certificateTopology(anchors: ["root-p256"], issuer: "issuer-p256")),
        .init("leaf as anchor", certificateTopology(anchors: ["leaf-not-ca"], marked: ["leaf-not-ca"]),
              [Expected(.certificateNotCA, "1", "trust anchor 'leaf-not-ca' is not a CA certificate")]),
        .init("leaf as issuer", certificateTopology(anchors: ["root-p256"], issuer: "leaf-not-ca", markIssuer: true),
              [Expected(.certificateNotCA, "1", "the issuer of 'a' is not a CA certificate")]),
    ]

    @Test(arguments: authorities)
    func mc301(_ testCase: RuleCase) throws { try check(testCase, rule: CertificatesAreAuthorities()) }

    static let validity: [RuleCase] = [
        .init("within validity", certificateTopology(anchors: ["root-p256"], issuer: "issuer-p256")),
        .init("expired", certificateTopology(anchors: ["root-expired"], marked: ["root-expired"]),
              [Expected(.certificateOutsideValidity, "1", "trust anchor 'root-expired' expired on 2021-01-01")]),
        .init("not yet valid", certificateTopology(anchors: ["root-not-yet-valid"], marked: ["root-not-yet-valid"]),
              [Expected(.certificateOutsideValidity, "1", "trust anchor 'root-not-yet-valid' is not valid before 2100-01-01")]),
    ]

    @Test(arguments: validity)
    func mc302(_ testCase: RuleCase) throws { try check(testCase, rule: CertificatesAreWithinValidity()) }

    static let keys: [RuleCase] = [
        .init("RSA 2048 anchor", certificateTopology(anchors: ["root-rsa2048"])),
        .init("P-384 anchor", certificateTopology(anchors: ["root-p384"], marked: ["root-p384"]),
              [Expected(.unsupportedKey, "1", "trust anchor 'root-p384' has an unsupported key: ECDSA P-384")]),
        .init("RSA 1024 anchor", certificateTopology(anchors: ["root-rsa1024"], marked: ["root-rsa1024"]),
              [Expected(.unsupportedKey, "1", "trust anchor 'root-rsa1024' has an unsupported key: RSA under 2048 bits")]),
        .init("RSA issuer", certificateTopology(anchors: ["root-p256"], issuer: "issuer-rsa2048", markIssuer: true),
              [Expected(.unsupportedKey, "1", "the issuer of 'a' has an unsupported key: RSA 2048-bit")]),
    ]

    @Test(arguments: keys)
    func mc303(_ testCase: RuleCase) throws { try check(testCase, rule: CertificateKeysAreSupported()) }

    static let signatures: [RuleCase] = [
        .init("issuer of another root", certificateTopology(anchors: ["root-p256"], issuer: "issuer-of-other-root", markIssuer: true),
              [Expected(.issuerNotSignedByAnchor, "1", "the issuer of 'a' is not signed by any of its trust anchors ('root-p256')")]),
        .init("signer second in the bundle", certificateTopology(anchors: ["other-root-p256", "root-p256"], issuer: "issuer-p256")),
    ]

    @Test(arguments: signatures)
    func mc304(_ testCase: RuleCase) throws { try check(testCase, rule: IssuersAreSignedByTheirAnchors()) }

    static let expiry: [RuleCase] = [
        .init("within 60 days", certificateTopology(anchors: ["root-expiring-soon"], marked: ["root-expiring-soon"]),
              [Expected(.certificateExpiringSoon, "1", "trust anchor 'root-expiring-soon' expires on 2027-01-15, in 45 days")]),
        .init("warning window set to 30 days", certificateTopology(anchors: ["root-expiring-soon"], settings: "settings: {certificateWarningDays: 30}\n")),
    ]

    @Test(arguments: expiry)
    func mc900(_ testCase: RuleCase) throws { try check(testCase, rule: CertificatesDoNotExpireSoon()) }
}
