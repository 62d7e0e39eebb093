import MCDiagnostics
import Testing

@testable import MCValidation

@Suite struct LinkRuleTests {
    static let twoClusters = header + "clusters:\n" + cluster("east") + cluster("west")

    static let selfLinks: [RuleCase] = [
        .init("explicit", twoClusters + "links:\n  - {source: west, target: 1️⃣west}\n",
              [Expected(.selfLink, "1", "cluster 'west' links to itself")]),
        .init("from a list", twoClusters + "links:\n  - source: [west, east]\n    target: 1️⃣east\n",
              [Expected(.selfLink, "1", "cluster 'east' links to itself")]),
        .init("between two", twoClusters + "links:\n  - between: [east, west]\n"),
    ]

    @Test(arguments: selfLinks)
    func mc210(_ testCase: RuleCase) throws { try check(testCase, rule: LinksDoNotTargetTheirSource()) }

    static let duplicates: [RuleCase] = [
        .init("same link twice", twoClusters + "links:\n  - {source: west, target: east}\n  - 1️⃣source: west\n    target: east\n",
              [Expected(.duplicateLink, "1", "the link west → east is declared twice")]),
        .init("between repeats a link", twoClusters + "links:\n  - {source: west, target: east}\n  - 1️⃣between: [east, west]\n",
              [Expected(.duplicateLink, "1", "the link west → east is declared twice")]),
        .init("mesh and hub lists", header + "clusters:\n" + cluster("a") + cluster("b") + cluster("c") +
              "links:\n  - mesh: [a, b, c]\n  - 1️⃣{source: [a, b], target: c}\n",
              [Expected(.duplicateLink, "1", "the link a → c is declared twice"), Expected(.duplicateLink, "1", "the link b → c is declared twice")]),
        .init("both directions are two links", twoClusters + "links:\n  - {source: west, target: east}\n  - {source: east, target: west}\n"),
    ]

    @Test(arguments: duplicates)
    func mc211(_ testCase: RuleCase) throws { try check(testCase, rule: LinksAreDeclaredOnce()) }

    static let gateways: [RuleCase] = [
        .init("target without a gateway", header + "clusters:\n  - {name: east, trustAnchors: [root], credentials: {externalSecret: {store: v, key: k}}}\n" + cluster("west") +
              "links:\n  - {source: west, target: 1️⃣east}\n",
              [Expected(.gatewayTargetWithoutGateway, "1", "link west → east goes through a gateway, but 'east' has none")]),
        .init("remote discovery needs none", header + "clusters:\n  - {name: east, trustAnchors: [root], credentials: {externalSecret: {store: v, key: k}}}\n" + cluster("west") +
              "links:\n  - {source: west, target: east, mode: remote-discovery}\n"),
    ]

    @Test(arguments: gateways)
    func mc212(_ testCase: RuleCase) throws { try check(testCase, rule: GatewayLinksTargetAGateway()) }

    static let anchors = "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - {name: root, file: certs/root-p256.crt}\n  - {name: other, file: certs/other-root-p256.crt}\n"
    static func peer(_ name: String, _ trust: String) -> String {
        "  - name: \(name)\n    trustAnchors: [\(trust)]\n    gateway: {address: \(name).example.com}\n    credentials: {externalSecret: {store: v, key: k}}\n"
    }

    static let sharedAnchors: [RuleCase] = [
        .init("disjoint anchors", anchors + "clusters:\n" + peer("east", "root") + peer("west", "other") + "links:\n  - 1️⃣between: [west, east]\n",
              [Expected(.noSharedTrustAnchor, "1", "linked clusters 'west' and 'east' share no trust anchor")]),
        .init("a shared anchor in a bundle", anchors + "clusters:\n" + peer("east", "root, other") + peer("west", "other, root") + "links:\n  - between: [west, east]\n"),
        .init("unlinked clusters may differ", anchors + "clusters:\n" + peer("east", "root") + peer("west", "other") + "links: []\n"),
    ]

    @Test(arguments: sharedAnchors)
    func mc213(_ testCase: RuleCase) throws { try check(testCase, rule: LinkedClustersShareATrustAnchor()) }

    static let sameSets: [RuleCase] = [
        .init("overlapping sets", anchors + "clusters:\n" + peer("east", "root, other") + peer("west", "root") + "links:\n  - 1️⃣{source: west, target: east}\n  - {source: east, target: west}\n",
              [Expected(.trustAnchorSetsDiffer, "1", "linked clusters 'west' and 'east' trust different anchor sets")]),
        .init("same set in another order", anchors + "clusters:\n" + peer("east", "root, other") + peer("west", "other, root") + "links:\n  - {source: west, target: east}\n"),
    ]

    @Test(arguments: sameSets)
    func mc903(_ testCase: RuleCase) throws { try check(testCase, rule: LinkedClustersTrustTheSameAnchors()) }

    static let namespaces: [RuleCase] = [
        .init("remote discovery across namespaces", header + "clusters:\n" + cluster("east", "    linkerdNamespace: l5d\n") + cluster("west") +
              "links:\n  - {source: west, target: east, mode: 1️⃣remote-discovery}\n",
              [Expected(.linkerdNamespaceMismatch, "1", "remote-discovery link between 'west' (Linkerd in 'linkerd') and 'east' (Linkerd in 'l5d')")]),
        .init("a federated export across namespaces is reported once, at its link", header + "clusters:\n" + cluster("east", "    linkerdNamespace: l5d\n") + cluster("west") +
              "links:\n  - {source: west, target: east, mode: 1️⃣remote-discovery}\nexports:\n  - {cluster: east, namespace: t, service: web, mode: federated}\n",
              [Expected(.linkerdNamespaceMismatch, "1", "remote-discovery link between 'west' (Linkerd in 'linkerd') and 'east' (Linkerd in 'l5d')")]),
        .init("a gateway link across namespaces mirrors no federated export", header + "clusters:\n" + cluster("east", "    linkerdNamespace: l5d\n") + cluster("west") +
              "links:\n  - {source: west, target: east}\nexports:\n  - {cluster: east, namespace: t, service: web}\n  - {cluster: east, namespace: t, service: web, mode: federated}\n"),
        .init("gateway links may cross namespaces", header + "clusters:\n" + cluster("east", "    linkerdNamespace: l5d\n") + cluster("west") +
              "links:\n  - {source: west, target: east}\nexports:\n  - {cluster: east, namespace: t, service: web}\n"),
    ]

    /// Two clusters sharing `other-root-p256`; `west` also trusts `root-p256`, whose issuer signs east's in the failing cases.
    static func issuers(east: String, eastAnchors: String, west: String, westAnchors: String, marked: Bool = false) -> String {
        "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - {name: root, file: certs/root-p256.crt}\n  - {name: other, file: certs/other-root-p256.crt}\n"
            + "clusters:\n  - name: east\n    trustAnchors: [\(eastAnchors)]\n    issuer: {file: certs/\(east).crt}\n"
            + "  - name: west\n    trustAnchors: [\(westAnchors)]\n    issuer: {file: certs/\(west).crt}\n"
            + "links:\n  - \(marked ? "1️⃣" : ""){source: west, target: east, mode: remote-discovery}\n"
    }

    static let crossIssuers: [RuleCase] = [
        .init("each issuer signed by a root both trust", issuers(east: "issuer-of-other-root", eastAnchors: "root, other", west: "issuer-of-other-root", westAnchors: "other, root")),
        .init("half-done rotation: east's issuer is signed by a root west does not trust yet",
              issuers(east: "issuer-p256", eastAnchors: "root, other", west: "issuer-of-other-root", westAnchors: "other", marked: true),
              [Expected(.issuerNotTrustedAcrossLink, "1", "the issuer of 'east' is not signed by any anchor 'west' trusts (other); mTLS from 'east' to 'west' fails")]),
    ]

    @Test(arguments: crossIssuers)
    func mc215(_ testCase: RuleCase) throws { try check(testCase, rule: IssuersAreTrustedAcrossLinks()) }

    @Test(arguments: namespaces)
    func mc214(_ testCase: RuleCase) throws { try check(testCase, rule: DiscoveryStaysWithinOneLinkerdNamespace()) }

    static let credentials: [RuleCase] = [
        .init("target without credentials", header + "clusters:\n  - {name: east, trustAnchors: [root], gateway: {address: e.example.com}}\n" + cluster("west") +
              "links:\n  - source: west\n    target: 1️⃣east\n",
              [Expected(.linkWithoutCredentials, "1", "link west → east has no credentials source; Secret 'cluster-credentials-east' must be provided out of band")]),
        .init("once per link", header + "clusters:\n  - {name: east, trustAnchors: [root], gateway: {address: e.example.com}}\n" + cluster("west") + cluster("north") +
              "links:\n  - source: [west, north]\n    target: 1️⃣east\n",
              [Expected(.linkWithoutCredentials, "1", "link north → east has no credentials source; Secret 'cluster-credentials-east' must be provided out of band"),
               Expected(.linkWithoutCredentials, "1", "link west → east has no credentials source; Secret 'cluster-credentials-east' must be provided out of band")]),
        .init("with credentials", twoClusters + "links:\n  - {source: west, target: east}\n"),
    ]

    @Test(arguments: credentials)
    func mc904(_ testCase: RuleCase) throws { try check(testCase, rule: LinksHaveACredentialsSource()) }
}
