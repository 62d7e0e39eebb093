import MCDiagnostics
import Testing

@testable import MCValidation

@Suite struct WarningRuleTests {
    static let two = header + "clusters:\n" + cluster("east") + cluster("west")

    static let mirrored: [RuleCase] = [
        .init("nothing links to the exporter", two + "exports:\n  - {cluster: 1️⃣east, namespace: t, services: [web, api]}\n",
              [Expected(.unmirroredExport, "1", "the gateway export of 'web', 'api' from 'east' is mirrored by no link")]),
        .init("link in the other mode", two + "links:\n  - {source: west, target: east, mode: remote-discovery}\nexports:\n  - {cluster: 1️⃣east, namespace: t, service: web}\n",
              [Expected(.unmirroredExport, "1", "the gateway export of 'web' from 'east' is mirrored by no link")]),
        .init("federated is mirrored by a remote-discovery link", two + "links:\n  - {source: west, target: east, mode: remote-discovery}\nexports:\n  - {cluster: east, namespace: t, service: web, mode: federated}\n"),
        .init("a gateway link mirrors no federated export", two + "links:\n  - {source: west, target: east}\nexports:\n  - {cluster: 1️⃣east, namespace: t, service: web, mode: federated}\n",
              [Expected(.unmirroredExport, "1", "the federated export of 'web' from 'east' is mirrored by no link")]),
    ]

    @Test(arguments: mirrored)
    func mc901(_ testCase: RuleCase) throws { try check(testCase, rule: ExportsAreMirrored()) }

    static let unused: [RuleCase] = [
        .init("anchor nobody trusts", header + "  - {name: 1️⃣old, file: certs/other-root-p256.crt}\nclusters:\n  - {name: a, trustAnchors: [root]}\n",
              [Expected(.unusedTrustAnchor, "1", "trust anchor 'old' is trusted by no cluster")]),
        .init("all used", header + "clusters:\n  - {name: a, trustAnchors: [root]}\n"),
    ]

    @Test(arguments: unused)
    func mc902(_ testCase: RuleCase) throws { try check(testCase, rule: TrustAnchorsAreUsed()) }

    /// A hub with enough spokes to pass 2,000 resources: each incoming link renders 4 objects.
    static func hub(spokes: Int, marked: Bool) -> String {
        var text = header + "clusters:\n  - name: \(marked ? "1️⃣" : "")hub\n    trustAnchors: [root]\n    gateway: {address: hub.example.com}\n"
        for i in 0..<spokes { text += "  - {name: s\(i), trustAnchors: [root]}\n" }
        text += "links:\n  - source: [" + (0..<spokes).map { "s\($0)" }.joined(separator: ", ") + "]\n    target: hub\n"
        return text
    }

    static let large: [RuleCase] = [
        .init("500 spokes make 2,001 objects in the hub", hub(spokes: 500, marked: true),
              [Expected(.tooManyResources, "1", "cluster 'hub' renders 2001 resources, over 2000")]),
        .init("499 spokes stay under", hub(spokes: 499, marked: false)),
    ]

    @Test(arguments: large)
    func mc905(_ testCase: RuleCase) throws { try check(testCase, rule: ClustersStayUnderResourceLimit()) }
}
