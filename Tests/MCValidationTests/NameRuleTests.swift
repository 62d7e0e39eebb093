import MCDiagnostics
import MCTestSupport
import Testing

@testable import MCValidation

@Suite struct NameRuleTests {
    static let validNames: [RuleCase] = [
        .init("valid names", header + "clusters:\n" + cluster("east-1") + cluster("west") +
              "exports:\n  - {cluster: east-1, namespace: test, services: [podinfo, api-v2]}\nlinks:\n  - {source: west, target: east-1}\n"),
    ]

    static let invalidNames: [RuleCase] = validNames + [
        .init("uppercase cluster", header + "clusters:\n  - name: 1️⃣East\n    trustAnchors: [root]\n",
              [Expected(.invalidName, "1", "invalid cluster name 'East'")]),
        .init("underscore anchor", "apiVersion: mcplan/v1\nkind: Topology\ntrustAnchors:\n  - {name: 1️⃣root_1, file: certs/root-p256.crt}\nclusters:\n  - {name: a, trustAnchors: [root_1]}\n",
              [Expected(.invalidName, "1", "invalid trust anchor name 'root_1'")]),
        .init("namespace with dot", header + "clusters:\n" + cluster("east") + cluster("west") +
              "links:\n  - {source: west, target: east}\nexports:\n  - {cluster: east, namespace: 1️⃣team.apps, service: web}\n",
              [Expected(.invalidName, "1", "invalid namespace name 'team.apps'")]),
        .init("service starting with a digit", header + "clusters:\n" + cluster("east") + cluster("west") +
              "links:\n  - {source: west, target: east}\nexports:\n  - {cluster: east, namespace: apps, service: 1️⃣2fa}\n",
              [Expected(.invalidName, "1", "invalid service name '2fa'")]),
        .init("settings namespace", header + "settings:\n  linkerdNamespace: 1️⃣Linkerd\nclusters:\n  - name: a\n    trustAnchors: [root]\n    linkerdNamespace: linkerd\n",
              [Expected(.invalidName, "1", "invalid namespace name 'Linkerd'")]),
        .init("secret store with a slash", header + "clusters:\n  - name: a\n    trustAnchors: [root]\n    credentials: {externalSecret: {store: 1️⃣vault/prod, key: k}}\n",
              [Expected(.invalidName, "1", "invalid secret store name 'vault/prod'")]),
        .init("cluster name of 64 characters", header + "clusters:\n  - name: 1️⃣" + String(repeating: "a", count: 64) + "\n    trustAnchors: [root]\n",
              [Expected(.invalidName, "1", "invalid cluster name '\(String(repeating: "a", count: 64))'")]),
    ]

    @Test(arguments: invalidNames)
    func mc200(_ testCase: RuleCase) throws { try check(testCase, rule: NamesAreValidKubernetesNames()) }

    static let duplicates: [RuleCase] = [
        .init("cluster twice", header + "clusters:\n" + cluster("east") + "  - name: 1️⃣east\n    trustAnchors: [root]\n",
              [Expected(.duplicateDefinition, "1", "cluster 'east' is declared twice")]),
        .init("anchor twice", header + "  - {name: 1️⃣root, file: certs/root-p256.crt}\nclusters:\n  - {name: a, trustAnchors: [root]}\n",
              [Expected(.duplicateDefinition, "1", "trust anchor 'root' is declared twice")]),
        .init("service exported twice", header + "clusters:\n" + cluster("east") + cluster("west") +
              "links:\n  - {source: west, target: east}\nexports:\n  - {cluster: east, namespace: test, service: web}\n  - {cluster: east, namespace: test, services: [api, 1️⃣web]}\n",
              [Expected(.duplicateDefinition, "1", "the export of 'web' in 'east/test' is declared twice")]),
        .init("through the gateway and federated at once is fine", header + "clusters:\n" + cluster("east") + cluster("west") +
              "links:\n  - {source: west, target: east}\n"
              + "exports:\n  - {cluster: east, namespace: t, service: web}\n  - {cluster: east, namespace: t, service: web, mode: federated}\n"),
        .init("remote-discovery and federated at once", header + "clusters:\n" + cluster("east") + cluster("west") +
              "links:\n  - {source: west, target: east, mode: remote-discovery}\nexports:\n  - {cluster: east, namespace: t, service: web, mode: remote-discovery}\n"
              + "  - {cluster: east, namespace: t, service: 1️⃣web, mode: federated}\n",
              [Expected(.duplicateDefinition, "1", "the export of 'web' in 'east/t' is declared twice")]),
        .init("same service in two namespaces is fine", header + "clusters:\n" + cluster("east") + cluster("west") +
              "links:\n  - {source: west, target: east}\nexports:\n  - {cluster: east, namespace: a, service: web}\n  - {cluster: east, namespace: b, service: web}\n"),
        .init("apex split twice", header + "clusters:\n" + cluster("west") +
              "splits:\n  - {cluster: west, namespace: t, service: web, port: 80, name: one, backends: [{service: web}]}\n  - {cluster: west, namespace: t, service: 1️⃣web, port: 80, name: two, backends: [{service: web}]}\n",
              [Expected(.duplicateDefinition, "1", "a split of 'web' in 'west/t' is declared twice")]),
        .init("split name twice", header + "clusters:\n" + cluster("west") +
              "splits:\n  - {cluster: west, namespace: t, service: web, port: 80, name: s, backends: [{service: web}]}\n  - {cluster: west, namespace: t, service: api, port: 80, name: 1️⃣s, backends: [{service: api}]}\n",
              [Expected(.duplicateDefinition, "1", "split name 's' in 'west/t' is declared twice")]),
    ]

    @Test(arguments: duplicates)
    func mc201(_ testCase: RuleCase) throws { try check(testCase, rule: DefinitionsAreUnique()) }

    @Test func duplicatesPointBackAtTheFirst() throws {
        let fixture = MarkedText(header + "clusters:\n  - name: 1️⃣east\n    trustAnchors: [root]\n  - name: 2️⃣east\n    trustAnchors: [root]\n")
        let validationInput = try input(for: RuleCase("", ""), text: fixture.text)
        var diagnostics: [Diagnostic] = []
        DefinitionsAreUnique().check(ValidationContext(validationInput), into: &diagnostics)
        #expect(diagnostics.map(\.range.start) == [fixture["2"]])
        #expect(diagnostics.first?.notes.map(\.range.start) == [fixture["1"]])
    }

    static let unknownClusters: [RuleCase] = [
        .init("every reference names a cluster", header + "clusters:\n" + cluster("east") + cluster("west") +
              "links:\n  - {source: west, target: east}\nexports:\n  - {cluster: east, namespace: t, service: web}\n"
              + "splits:\n  - {cluster: west, namespace: t, service: web, port: 80, backends: [{service: web}, {service: web, cluster: east}]}\n"),
        .init("typo in link target", header + "clusters:\n" + cluster("east") + cluster("west") + "links:\n  - source: west\n    target: 1️⃣esat\n",
              [Expected(.unknownCluster, "1", "link target 'esat' is not a cluster; did you mean 'east'?")]),
        .init("unknown link source", header + "clusters:\n" + cluster("east") + "links:\n  - {source: 1️⃣paris, target: east}\n",
              [Expected(.unknownCluster, "1", "link source 'paris' is not a cluster")]),
        .init("mesh member", header + "clusters:\n" + cluster("a") + cluster("b") + "links:\n  - mesh: [a, b, 1️⃣c]\n",
              [Expected(.unknownCluster, "1", "link target 'c' is not a cluster")]),
        .init("export and split clusters", header + "clusters:\n" + cluster("east") +
              "exports:\n  - {cluster: 1️⃣eats, namespace: t, service: web}\nsplits:\n  - {cluster: 2️⃣west, namespace: t, service: web, port: 80, backends: [{service: web, cluster: 3️⃣eest}]}\n",
              [Expected(.unknownCluster, "1", "export cluster 'eats' is not a cluster; did you mean 'east'?"),
               Expected(.unknownCluster, "2", "split cluster 'west' is not a cluster"),
               Expected(.unknownCluster, "3", "backend cluster 'eest' is not a cluster; did you mean 'east'?")]),
        .init("close but distinct names get a suggestion", header + "clusters:\n" + cluster("west") + "links:\n  - {source: west, target: 1️⃣west2}\n",
              [Expected(.unknownCluster, "1", "link target 'west2' is not a cluster; did you mean 'west'?")]),
        .init("gitops destination", "apiVersion: mcplan/v1\nkind: Topology\nsettings:\n  gitops:\n    tool: argocd\n    repoURL: https://x\n"
              + "    chart: {version: '1'}\n    destinations: {east: in-cluster, 1️⃣wset: w}\n" + header.replacingOccurrences(of: "apiVersion: mcplan/v1\nkind: Topology\n", with: "")
              + "clusters:\n" + cluster("east") + cluster("west"),
              [Expected(.unknownCluster, "1", "gitops destination 'wset' is not a cluster; did you mean 'west'?")]),
    ]

    @Test(arguments: unknownClusters)
    func mc202(_ testCase: RuleCase) throws { try check(testCase, rule: ReferencedClustersExist()) }

    static let unknownAnchors: [RuleCase] = [
        .init("typo", header + "clusters:\n  - name: a\n    trustAnchors: [1️⃣roto]\n",
              [Expected(.unknownTrustAnchor, "1", "trust anchor 'roto' of cluster 'a' is not declared; did you mean 'root'?")]),
        .init("second of a bundle", header + "clusters:\n  - name: a\n    trustAnchors: [root, 1️⃣new-root]\n",
              [Expected(.unknownTrustAnchor, "1", "trust anchor 'new-root' of cluster 'a' is not declared")]),
        .init("declared", header + "clusters:\n  - {name: a, trustAnchors: [root]}\n"),
    ]

    @Test(arguments: unknownAnchors)
    func mc203(_ testCase: RuleCase) throws { try check(testCase, rule: ReferencedTrustAnchorsExist()) }

    static let long57 = String(repeating: "c", count: 57)
    static let long58 = String(repeating: "c", count: 58)
    static let service50 = "s" + String(repeating: "v", count: 49)

    static let derivedNames: [RuleCase] = [
        .init("cluster of 57 characters fits", header + "clusters:\n  - {name: \(long57), trustAnchors: [root]}\n"),
        .init("cluster of 58 characters", header + "clusters:\n  - {name: 1️⃣\(long58), trustAnchors: [root]}\n",
              [Expected(.derivedNameTooLong, "1", "derived name 'probe-\(long58)' is 64 characters, over 63")]),
        .init("mirrored service", header + "clusters:\n" + cluster("east-cluster-1") + cluster("west") +
              "links:\n  - {source: west, target: east-cluster-1}\nexports:\n  - {cluster: east-cluster-1, namespace: t, service: 1️⃣\(service50)}\n",
              [Expected(.derivedNameTooLong, "1", "derived name '\(service50)-east-cluster-1' is 65 characters, over 63")]),
        .init("unmirrored export makes no name", header + "clusters:\n" + cluster("east-cluster-1") + cluster("west") +
              "links:\n  - {source: west, target: east-cluster-1}\nexports:\n  - {cluster: east-cluster-1, namespace: t, service: \(service50), mode: federated}\n"),
        .init("remote backend", header + "clusters:\n" + cluster("east-cluster-1") + cluster("west") +
              "links:\n  - {source: west, target: east-cluster-1}\nexports:\n  - {cluster: east-cluster-1, namespace: t, service: 1️⃣\(service50)}\n"
              + "splits:\n  - {cluster: west, namespace: t, service: web, port: 80, backends: [{service: web}, {service: 2️⃣\(service50), cluster: east-cluster-1}]}\n",
              [Expected(.derivedNameTooLong, "1", "derived name '\(service50)-east-cluster-1' is 65 characters, over 63"),
               Expected(.derivedNameTooLong, "2", "derived name '\(service50)-east-cluster-1' is 65 characters, over 63")]),
    ]

    @Test(arguments: derivedNames)
    func mc204(_ testCase: RuleCase) throws { try check(testCase, rule: DerivedNamesFitKubernetesLimits()) }
}

