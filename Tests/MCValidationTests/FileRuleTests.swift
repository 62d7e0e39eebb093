import MCDiagnostics
import Testing

@testable import MCValidation

/// A harmless PKCS#8 block (an all-zero Ed25519 seed): shaped like a private key, protects nothing.
let fakePrivateKey = "-----BEGIN PRIVATE KEY-----\nMC4CAQAwBQYDK2VwBCIEIAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n-----END PRIVATE KEY-----\n"
let fakeToken = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQifQ.c2lnbmF0dXJl"

@Suite struct FileRuleTests {
    static let rootPEM = fixtureCertificates["certs/root-p256.crt"]!

    static func indented(_ text: String, _ spaces: Int) -> String {
        text.split(separator: "\n").map { String(repeating: " ", count: spaces) + $0 }.joined(separator: "\n") + "\n"
    }

    static let secrets: [RuleCase] = [
        .init("private key pasted under the certificate",
              "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - name: root\n    pem: |\n" + indented(rootPEM, 6)
                + "      1️⃣" + fakePrivateKey.split(separator: "\n").joined(separator: "\n      ") + "\nclusters:\n  - {name: a, trustAnchors: [root]}\n",
              [Expected(.secretMaterial, "1", "a private key in the topology")]),
        .init("token as a remote key", header + "clusters:\n  - name: a\n    trustAnchors: [root]\n    credentials: {externalSecret: {store: v, key: 1️⃣\(fakeToken)}}\n",
              [Expected(.secretMaterial, "1", "a token in the topology")]),
        .init("key file beside the certificate", "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - {name: root, file: 1️⃣certs/with-key.crt}\nclusters:\n  - {name: a, trustAnchors: [root]}\n",
              [Expected(.secretMaterial, "1", "'certs/with-key.crt' holds a private key (line \(rootPEM.split(separator: "\n").count + 1))")],
              files: ["certs/with-key.crt": Array((rootPEM + fakePrivateKey).utf8)]),
        .init("kubeconfig notes beside the issuer", header + "clusters:\n  - name: a\n    trustAnchors: [root]\n    issuer: {file: 1️⃣issuer.crt}\n",
              [Expected(.secretMaterial, "1", "'issuer.crt' holds a kubeconfig credential (line 2)")],
              files: ["issuer.crt": Array(("users:\n    token: abc.def\n" + fixtureCertificates["certs/issuer-p256.crt"]!).utf8)]),
        .init("certificates only", header + "clusters:\n  - {name: a, trustAnchors: [root], issuer: {file: certs/issuer-p256.crt}}\n"),
    ]

    @Test(arguments: secrets)
    func mc305(_ testCase: RuleCase) throws { try check(testCase, rule: NoSecretMaterial()) }

    static let paths: [RuleCase] = [
        .init("a file inside the repository", "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - {name: root, file: certs/root-p256.crt}\nclusters:\n  - {name: a, trustAnchors: [root], issuer: {file: ./certs/issuer-p256.crt}}\n"),
        .init("absolute", "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - {name: root, file: 1️⃣/etc/ssl/root.crt}\nclusters:\n  - {name: a, trustAnchors: [root]}\n",
              [Expected(.fileOutsideRepository, "1", "cannot use '/etc/ssl/root.crt': it is an absolute path")]),
        .init("climbs out", "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - {name: root, file: 1️⃣certs/../../root.crt}\nclusters:\n  - {name: a, trustAnchors: [root]}\n",
              [Expected(.fileOutsideRepository, "1", "cannot use 'certs/../../root.crt': it climbs out with '..'")]),
        .init("symlink out", "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - {name: root, file: 1️⃣certs/linked.crt}\nclusters:\n  - {name: a, trustAnchors: [root]}\n",
              [Expected(.fileOutsideRepository, "1", "cannot use 'certs/linked.crt': a symlink leads outside the repository")], escaping: ["certs/linked.crt"]),
        .init("missing", "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - {name: root, file: 1️⃣certs/nope.crt}\nclusters:\n  - {name: a, trustAnchors: [root]}\n",
              [Expected(.fileOutsideRepository, "1", "cannot use 'certs/nope.crt': no such file")]),
        .init("a folder", "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - {name: root, file: 1️⃣certs}\nclusters:\n  - {name: a, trustAnchors: [root]}\n",
              [Expected(.fileOutsideRepository, "1", "cannot use 'certs': it is not a file")]),
        .init("the same missing file twice is reported at each use", "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - {name: root, file: 1️⃣x.crt}\nclusters:\n  - {name: a, trustAnchors: [root], issuer: {file: 2️⃣x.crt}}\n",
              [Expected(.fileOutsideRepository, "1", "cannot use 'x.crt': no such file"), Expected(.fileOutsideRepository, "2", "cannot use 'x.crt': no such file")]),
    ]

    @Test(arguments: paths)
    func mc306(_ testCase: RuleCase) throws { try check(testCase, rule: ReferencedFilesStayInRepository()) }
}
