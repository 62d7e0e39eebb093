import MCDiagnostics
import MCTestSupport
import MCYAML
import Testing

@testable import MCLoading

/// One marked fixture and the diagnostic expected at marker 1️⃣.
struct DiagnosticCase: CustomTestStringConvertible, Sendable {
    var name: String
    var yaml: String
    var code: DiagnosticCode
    var message: String

    var testDescription: String { name }
}

private let header = "apiVersion: mcplan/v1\nkind: Topology\n"
private let anchors = "trustAnchors:\n  - name: root\n    file: root.crt\n"

/// The front end as far as loading: parse, then load when the document is usable.
func loadDiagnostics(_ text: String) -> [Diagnostic] {
    let parsed = YAMLParser.parse(Array(text.utf8), path: "t.yaml")
    guard let root = parsed.root, !parsed.diagnostics.contains(where: { $0.code == .unreadableInput }) else {
        return parsed.diagnostics
    }
    return (parsed.diagnostics + TopologyLoader.load(root, path: "t.yaml").diagnostics).sorted()
}

@Suite struct LoaderDiagnosticsTests {
    static let cases: [DiagnosticCase] = [
        // MC104 unknown field, with did-you-mean.
        .init(name: "unknown top-level field", yaml: header + "clusters: []\n1️⃣cluster: []\n",
              code: .unknownField, message: "unknown field 'cluster' in the topology; did you mean 'clusters'?"),
        .init(name: "unknown cluster field", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    1️⃣issuers: {file: x}\n",
              code: .unknownField, message: "unknown field 'issuers' in a cluster; did you mean 'issuer'?"),
        .init(name: "misspelt required field is not also missing", yaml: header + "clusters:\n  - name: a\n    1️⃣trustAnchor: [root]\n",
              code: .unknownField, message: "unknown field 'trustAnchor' in a cluster; did you mean 'trustAnchors'?"),
        // settings.gitops: the facts the tool cannot know are required, and only those fields exist.
        .init(name: "gitops without a tool", yaml: header + "clusters: []\nsettings:\n  gitops: 1️⃣{repoURL: https://x, chart: {version: '1'}}\n",
              code: .missingField, message: "settings.gitops is missing required field 'tool'"),
        .init(name: "gitops without a repository", yaml: header + "clusters: []\nsettings:\n  gitops: 1️⃣{tool: flux, chart: {version: '1'}}\n",
              code: .missingField, message: "settings.gitops is missing required field 'repoURL'"),
        .init(name: "gitops chart without a version", yaml: header + "clusters: []\nsettings:\n  gitops: {tool: flux, repoURL: https://x, chart: 1️⃣{repoURL: https://y}}\n",
              code: .missingField, message: "settings.gitops.chart is missing required field 'version'"),
        .init(name: "gitops tool misspelt", yaml: header + "clusters: []\nsettings:\n  gitops: {tool: 1️⃣flx, repoURL: https://x, chart: {version: '1'}}\n",
              code: .invalidValue, message: "invalid tool 'flx'; did you mean 'flux'?"),
        .init(name: "gitops repository empty", yaml: header + "clusters: []\nsettings:\n  gitops: {tool: flux, repoURL: 1️⃣\"\", chart: {version: '1'}}\n",
              code: .invalidValue, message: "settings.gitops fields must not be empty"),
        .init(name: "gitops destinations not a mapping", yaml: header + "clusters: []\nsettings:\n  gitops: {tool: flux, repoURL: https://x, chart: {version: '1'}, destinations: 1️⃣[a]}\n",
              code: .wrongType, message: "'destinations' must be a mapping of cluster names to destinations, not a sequence"),
        .init(name: "unknown gitops field", yaml: header + "clusters: []\nsettings:\n  gitops: {tool: flux, repoURL: https://x, chart: {version: '1'}, 1️⃣branch: main}\n",
              code: .unknownField, message: "unknown field 'branch' in settings.gitops"),
        .init(name: "merge key is an ordinary key", yaml: header + "clusters: []\nsettings:\n  1️⃣<<: {a: 1}\n",
              code: .unknownField, message: "unknown field '<<' in settings"),
        .init(name: "unknown probe field", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway:\n      address: a.example.com\n      probe: {1️⃣periodSeconds: 3}\n",
              code: .unknownField, message: "unknown field 'periodSeconds' in the probe of 'a'"),
        .init(name: "unknown backend field", yaml: header + "clusters: []\nsplits:\n  - cluster: a\n    namespace: n\n    service: s\n    backends:\n      - service: s\n        1️⃣wieght: 1\n",
              code: .unknownField, message: "unknown field 'wieght' in a backend; did you mean 'weight'?"),
        // MC105 wrong type.
        .init(name: "quoted port", yaml: header + "clusters: []\nsplits:\n  - cluster: a\n    namespace: n\n    service: s\n    port: 1️⃣\"9898\"\n    backends: [{service: s}]\n",
              code: .wrongType, message: "'port' must be an integer, not a string"),
        .init(name: "numeric name", yaml: header + "clusters:\n  - name: 1️⃣9898\n    trustAnchors: []\n",
              code: .wrongType, message: "'name' must be a string, not an integer"),
        .init(name: "boolean name", yaml: header + "clusters:\n  - name: 1️⃣true\n    trustAnchors: []\n",
              code: .wrongType, message: "'name' must be a string, not a boolean"),
        .init(name: "clusters not a list", yaml: header + "clusters: 1️⃣{a: 1}\n",
              code: .wrongType, message: "'clusters' must be a sequence, not a mapping"),
        .init(name: "root not a mapping", yaml: "1️⃣- a\n- b\n",
              code: .wrongType, message: "'topology' must be a mapping, not a sequence"),
        .init(name: "yes is not a boolean", yaml: header + "clusters: []\nsplits:\n  - cluster: a\n    namespace: n\n    service: s\n    backends: [{service: s, federated: 1️⃣yes}]\n",
              code: .wrongType, message: "'federated' must be a boolean, not a string"),
        .init(name: "cluster given as a name", yaml: header + "clusters:\n  - 1️⃣east\n",
              code: .wrongType, message: "'cluster' must be a mapping, not a string"),
        .init(name: "weight boolean", yaml: header + "clusters: []\nsplits:\n  - cluster: a\n    namespace: n\n    service: s\n    backends: [{service: s, weight: 1️⃣true}]\n",
              code: .wrongType, message: "'weight' must be an integer or a quantity, not a boolean"),
        .init(name: "null value", yaml: header + "clusters:\n  - name:1️⃣ \n    trustAnchors: []\n",
              code: .wrongType, message: "'name' must be a string, not null"),
        // MC106 required field missing.
        .init(name: "missing apiVersion", yaml: "1️⃣kind: Topology\nclusters: []\n",
              code: .missingField, message: "the topology is missing required field 'apiVersion'"),
        .init(name: "missing clusters", yaml: "1️⃣" + header,
              code: .missingField, message: "the topology is missing required field 'clusters'"),
        .init(name: "missing trustAnchors", yaml: header + "clusters:\n  - 1️⃣name: a\n",
              code: .missingField, message: "cluster 'a' is missing required field 'trustAnchors'"),
        .init(name: "missing link target", yaml: header + "clusters: []\nlinks:\n  - 1️⃣source: a\n",
              code: .missingField, message: "a link is missing required field 'target'"),
        .init(name: "missing anchor source", yaml: header + "clusters: []\ntrustAnchors:\n  - 1️⃣name: root\n",
              code: .missingField, message: "a trust anchor is missing required field 'file'"),
        .init(name: "missing external secret key", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    credentials:\n      externalSecret: 1️⃣{store: vault}\n",
              code: .missingField, message: "the external secret of 'a' is missing required field 'key'"),
        .init(name: "missing export services", yaml: header + "clusters: []\nexports:\n  - 1️⃣cluster: a\n    namespace: n\n",
              code: .missingField, message: "an export is missing required field 'services'"),
        .init(name: "missing failover primary", yaml: header + "clusters: []\nsplits:\n  - cluster: a\n    namespace: n\n    service: s\n    backends: [{service: s}]\n    failover: 1️⃣{}\n",
              code: .missingField, message: "the failover is missing required field 'primary'"),
        // MC107 unsupported apiVersion or kind.
        .init(name: "wrong apiVersion", yaml: "apiVersion: 1️⃣mcplan/v2\nkind: Topology\nclusters: []\n",
              code: .unsupportedVersion, message: "unsupported apiVersion 'mcplan/v2'"),
        .init(name: "wrong kind", yaml: "apiVersion: mcplan/v1\nkind: 1️⃣Mesh\nclusters: []\n",
              code: .unsupportedVersion, message: "unsupported kind 'Mesh'"),
        // MC108 invalid enum or malformed value.
        .init(name: "bad link mode", yaml: header + "clusters: []\nlinks:\n  - {source: a, target: b, mode: 1️⃣remote}\n",
              code: .invalidValue, message: "invalid mode 'remote'"),
        .init(name: "bad route API", yaml: header + "clusters: []\nsettings:\n  routeAPI: 1️⃣split.smi-spec.io/v1alpha3\n",
              code: .invalidValue, message: "invalid routeAPI 'split.smi-spec.io/v1alpha3'; did you mean 'split.smi-spec.io/v1alpha1' or 'split.smi-spec.io/v1alpha2'?"),
        .init(name: "bad export mode", yaml: header + "clusters: []\nexports:\n  - {cluster: a, namespace: n, service: s, mode: 1️⃣federate}\n",
              code: .invalidValue, message: "invalid mode 'federate'; did you mean 'federated'?"),
        .init(name: "port out of range", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: 10.0.0.1, port: 1️⃣0}\n",
              code: .invalidValue, message: "port 0 is out of range"),
        .init(name: "address with scheme", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: 1️⃣\"https://gw.example.com\"}\n",
              code: .invalidValue, message: "invalid gateway address 'https://gw.example.com'"),
        .init(name: "address with port", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: [10.0.0.1, 1️⃣\"gw.example.com:4143\"]}\n",
              code: .invalidValue, message: "invalid gateway address 'gw.example.com:4143'"),
        .init(name: "bracketed IPv6", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: 1️⃣\"[2001:db8::1]\"}\n",
              code: .invalidValue, message: "invalid gateway address '[2001:db8::1]'"),
        .init(name: "IPv4 out of range", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: 1️⃣300.1.2.3}\n",
              code: .invalidValue, message: "invalid gateway address '300.1.2.3'"),
        .init(name: "bad duration", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: gw, probe: {period: 1️⃣3 s}}\n",
              code: .invalidValue, message: "invalid probe period '3 s'"),
        .init(name: "loopback IPv4 gateway address", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: 1️⃣127.0.0.1}\n",
              code: .invalidValue, message: "gateway address '127.0.0.1' is a loopback address, which other clusters cannot reach"),
        .init(name: "loopback range gateway address", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: 1️⃣127.8.9.10}\n",
              code: .invalidValue, message: "gateway address '127.8.9.10' is a loopback address, which other clusters cannot reach"),
        .init(name: "loopback IPv6 gateway address", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: 1️⃣\"::1\"}\n",
              code: .invalidValue, message: "gateway address '::1' is a loopback address, which other clusters cannot reach"),
        .init(name: "unspecified IPv4 gateway address", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: 1️⃣0.0.0.0}\n",
              code: .invalidValue, message: "gateway address '0.0.0.0' is the unspecified address, which other clusters cannot reach"),
        .init(name: "unspecified IPv6 gateway address", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: 1️⃣\"::\"}\n",
              code: .invalidValue, message: "gateway address '::' is the unspecified address, which other clusters cannot reach"),
        .init(name: "link-local IPv4 gateway address", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: 1️⃣169.254.10.1}\n",
              code: .invalidValue, message: "gateway address '169.254.10.1' is a link-local address, which other clusters cannot reach"),
        .init(name: "link-local IPv6 gateway address", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: 1️⃣\"fe80::1\"}\n",
              code: .invalidValue, message: "gateway address 'fe80::1' is a link-local address, which other clusters cannot reach"),
        .init(name: "mapped loopback gateway address", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: 1️⃣\"::ffff:127.0.0.1\"}\n",
              code: .invalidValue, message: "gateway address '::ffff:127.0.0.1' is a loopback address, which other clusters cannot reach"),
        .init(name: "zero probe period", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: gw, probe: {period: 1️⃣0s}}\n",
              code: .invalidValue, message: "probe period '0s' is under 1s"),
        .init(name: "probe period under a second", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: gw, probe: {period: 1️⃣500ms}}\n",
              code: .invalidValue, message: "probe period '500ms' is under 1s"),
        .init(name: "zero without unit", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: gw, probe: {period: 1️⃣\"0\"}}\n",
              code: .invalidValue, message: "probe period '0' is under 1s"),
        .init(name: "relative probe path", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    gateway: {address: gw, probe: {path: 1️⃣ready}}\n",
              code: .invalidValue, message: "invalid probe path 'ready'"),
        .init(name: "malformed quantity", yaml: header + "clusters: []\nsplits:\n  - cluster: a\n    namespace: n\n    service: s\n    backends: [{service: s, weight: 1️⃣500Mi}]\n",
              code: .invalidValue, message: "malformed weight '500Mi'"),
        .init(name: "decimal weight", yaml: header + "clusters: []\nsplits:\n  - cluster: a\n    namespace: n\n    service: s\n    backends: [{service: s, weight: 1️⃣0.5}]\n",
              code: .invalidValue, message: "malformed weight '0.5'"),
        .init(name: "bad store kind", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    credentials: {externalSecret: {store: v, key: k, storeKind: 1️⃣secretstore}}\n",
              code: .invalidValue, message: "invalid storeKind 'secretstore'; did you mean 'SecretStore'?"),
        .init(name: "mixed link forms", yaml: header + "clusters: []\nlinks:\n  - source: a\n    target: b\n    1️⃣mesh: [a, b]\n",
              code: .invalidValue, message: "a link uses one form, but this one mixes 'source' and 'mesh'"),
        .init(name: "between with three", yaml: header + "clusters: []\nlinks:\n  - between: 1️⃣[a, b, c]\n",
              code: .invalidValue, message: "'between' needs exactly two clusters, not 3"),
        .init(name: "anchor with file and pem", yaml: header + "clusters: []\ntrustAnchors:\n  - name: r\n    file: r.crt\n    1️⃣pem: x\n",
              code: .invalidValue, message: "trust anchor 'r' has both 'file' and 'pem'"),
        .init(name: "service and services", yaml: header + "clusters: []\nexports:\n  - cluster: a\n    namespace: n\n    service: s\n    1️⃣services: [t]\n",
              code: .invalidValue, message: "an export has either 'service' or 'services', not both"),
        .init(name: "negative warning days", yaml: header + "clusters: []\nsettings:\n  certificateWarningDays: 1️⃣-1\n",
              code: .invalidValue, message: "certificateWarningDays must not be negative"),
        .init(name: "unknown key placeholder", yaml: header + anchors + "clusters:\n  - name: a\n    trustAnchors: [root]\n    credentials: {externalSecret: {store: v, key: 1️⃣\"{cluster}/kubeconfig\"}}\n",
              code: .invalidValue, message: "unknown placeholder '{cluster}' in key '{cluster}/kubeconfig'"),
        .init(name: "empty services list", yaml: header + "clusters: []\nexports:\n  - {cluster: a, namespace: n, services: 1️⃣[]}\n",
              code: .invalidValue, message: "an export needs at least one service"),
        .init(name: "empty backends list", yaml: header + "clusters: []\nsplits:\n  - {cluster: a, namespace: n, service: s, backends: 1️⃣[]}\n",
              code: .invalidValue, message: "a split needs at least one backend"),
        .init(name: "backend remote and federated", yaml: header + "clusters: []\nsplits:\n  - cluster: a\n    namespace: n\n    service: s\n    backends:\n      - service: s\n        cluster: b\n        1️⃣federated: true\n",
              code: .invalidValue, message: "a backend is either remote ('cluster') or federated, not both"),
        .init(name: "mesh of one", yaml: header + "clusters: []\nlinks:\n  - mesh: 1️⃣[a]\n",
              code: .invalidValue, message: "'mesh' needs at least two clusters"),
        .init(name: "key that is not a string", yaml: header + "clusters: []\nsettings:\n  ? 1️⃣[a]\n  : 1\n",
              code: .wrongType, message: "'key' must be a string, not a sequence"),
        .init(name: "settings not a mapping", yaml: header + "clusters: []\nsettings: 1️⃣[a]\n",
              code: .wrongType, message: "'settings' must be a mapping, not a sequence"),
        .init(name: "anchor given as a name", yaml: header + "clusters: []\ntrustAnchors:\n  - 1️⃣root\n",
              code: .wrongType, message: "'trust anchor' must be a mapping, not a string"),
        // MC100–MC103 through the same front end.
        .init(name: "only comments", yaml: "1️⃣# nothing here\n", code: .unreadableInput, message: "file holds no YAML document"),
        .init(name: "syntax error", yaml: header + "clusters: [\n1️⃣", code: .syntaxError,
              message: "YAML syntax error: did not find expected node content while parsing a flow node"),
        .init(name: "duplicate cluster key", yaml: header + "clusters: []\n1️⃣clusters: []\n", code: .duplicateKey,
              message: "duplicate key 'clusters'"),
        .init(name: "explicit tag", yaml: header + "clusters: 1️⃣!!seq []\n", code: .unsupportedYAML,
              message: "explicit tag '!!seq' is not supported"),
    ]

    @Test(arguments: cases)
    func reportsCodeAndPosition(_ testCase: DiagnosticCase) throws {
        let fixture = MarkedText(testCase.yaml)
        let diagnostics = loadDiagnostics(fixture.text)
        #expect(diagnostics.count == 1, "\(diagnostics.map { "\($0.code.rawValue) \($0.range.start): \($0.message)" })")
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostic.code == testCase.code)
        #expect(diagnostic.severity == .error)
        #expect(diagnostic.message == testCase.message)
        #expect(diagnostic.range.start == fixture["1"])
        #expect(diagnostic.file == "t.yaml")
        #expect(diagnostic.hint != nil)
    }

    @Test func reportsEveryProblemOfTheFileAtOnce() {
        let fixture = MarkedText(header + anchors + """
        clusters:
          - name: a
            trustAnchors: [root]
            1️⃣trustanchors: [root]
            gateway: {address: gw, port: 2️⃣"4143"}
        links:
          - {source: a, target: b, mode: 3️⃣gatway}
        exports:
          - {cluster: a, namespace: n, service: s, 4️⃣servcie: t}

        """)
        let diagnostics = loadDiagnostics(fixture.text)
        #expect(diagnostics.map(\.range.start) == ["1", "2", "3", "4"].map { fixture[$0] })
        #expect(diagnostics.map(\.code) == [.unknownField, .wrongType, .invalidValue, .unknownField])
    }

    @Test func aBrokenEntryDoesNotCascade() {
        let fixture = MarkedText(header + anchors + """
        clusters:
          - 1️⃣east
          - name: west
            trustAnchors: 2️⃣root
        links:
          - between: [east, west]

        """)
        let diagnostics = loadDiagnostics(fixture.text)
        #expect(diagnostics.map(\.range.start) == [fixture["1"], fixture["2"]])
        #expect(diagnostics.map(\.code) == [.wrongType, .wrongType])
    }
}
