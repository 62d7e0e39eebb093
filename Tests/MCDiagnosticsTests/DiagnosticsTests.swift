import Testing

@testable import MCDiagnostics

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("esat", ["east", "west"], "east"), ("trustAnchor", ["trustAnchors", "name"], "trustAnchors"),
        ("gatway", ["gateway", "remote-discovery"], "gateway"), ("servce", ["service", "services"], "service"),
        ("Secretstore", ["SecretStore", "ClusterSecretStore"], "SecretStore"),
    ])
    func suggestsCloseNames(word: String, candidates: [String], expected: String) {
        #expect(Suggestion.closest(to: word, among: candidates) == expected)
    }

    @Test(arguments: [("zzz", ["east", "west"]), ("paris", ["london"]), ("a", ["bcd"])])
    func staysQuietWhenNothingIsClose(word: String, candidates: [String]) {
        #expect(Suggestion.closest(to: word, among: candidates) == nil)
    }
}

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

@Suite struct SourceFileTests {
    @Test func splitsOnEveryLineBreak() {
        let file = SourceFile(path: "x", text: "a\nb\r\nc\rd")
        #expect(file.lineCount == 4)
        #expect((1...4).map { file.line($0).map(String.init) } == ["a", "b", "c", "d"])
        #expect(file.line(5) == nil && file.line(0) == nil)
    }

    @Test func diagnosticsSortByPositionAndDropRepeats() {
        let a = Diagnostic(.unknownField, "a", file: "t", range: .init(start: .init(line: 3, column: 1), end: .init(line: 3, column: 2)))
        let b = Diagnostic(.wrongType, "b", file: "t", range: .init(start: .init(line: 1, column: 5), end: .init(line: 1, column: 6)))
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: [a, b, a])
        #expect(diagnostics.sorted == [b, a])
        #expect(diagnostics.hasErrors)
    }

    @Test func severityFollowsTheCode() {
        #expect(DiagnosticCode.allCases.filter { $0.severity == .warning }.map(\.rawValue)
            == ["MC900", "MC901", "MC902", "MC903", "MC904", "MC905"])
    }
}
