import Testing

@testable import MCBasics

@Suite struct SecretMaterialTests {
    private func lines(_ text: String) -> [Substring] { text.split(separator: "\n", omittingEmptySubsequences: false) }

    @Test(arguments: [
        ("-----BEGIN PRIVATE KEY-----", SecretMaterial.privateKey),
        ("  pem: -----BEGIN EC PRIVATE KEY-----", .privateKey),
        ("-----BEGIN OPENSSH PRIVATE KEY-----", .privateKey),
        ("-----BEGIN ENCRYPTED PRIVATE KEY-----", .privateKey),
        ("    token: abc123", .credentialField),
        ("    client-key-data: LS0tLS1CRUdJTi", .credentialField),
        ("  - password: hunter2", .credentialField),
        ("  \"token\": x", .credentialField),
        ("key: eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl", .jsonWebToken),
    ])
    func findsSecretMaterial(line: String, kind: SecretMaterial) {
        #expect(SecretMaterial.findings(in: [Substring(line)]).map(\.kind) == [kind])
    }

    @Test(arguments: [
        "-----BEGIN CERTIFICATE-----", "token:", "token: \"\"", "tokens: 3", "name: token", "# password: x",
        "eyJ but no dots", "key: mesh/{source}-to-{target}/kubeconfig", "clusterCredentialsSecret: x",
    ])
    func ignoresOrdinaryText(line: String) {
        #expect(SecretMaterial.findings(in: [Substring(line)]).isEmpty)
    }

    @Test func keyBlockBodyIsSecretToo() {
        let text = "a: 1\nkey: |\n  -----BEGIN PRIVATE KEY-----\n  MIIEvQIBADANBg\n  -----END PRIVATE KEY-----\nb: 2"
        #expect(SecretMaterial.secretLines(in: lines(text)) == [3, 4, 5])
        #expect(SecretMaterial.findings(in: lines(text)).map(\.line) == [3])
    }
}
