import MCDiagnostics
import Testing

@testable import MCValidation

@Suite struct SplitRuleTests {
    static let mesh = header + "clusters:\n" + cluster("east") + cluster("west") + cluster("north")
    static let linked = mesh + "links:\n  - {source: west, target: east}\n"

    static func split(_ backends: String, extra: String = "port: 80, ") -> String {
        "splits:\n  - {cluster: west, namespace: t, service: web, \(extra)backends: [\(backends)]}\n"
    }

    static let exported: [RuleCase] = [
        .init("exported and linked", linked + "exports:\n  - {cluster: east, namespace: t, service: web}\n"
              + split("{service: web}, {service: web, cluster: east}")),
        .init("not exported", linked + split("{service: web}, {service: 1️⃣web, cluster: east}"),
              [Expected(.backendNotExported, "1", "'east' does not export 'web' in namespace 't'")]),
        .init("exported in another namespace", linked + "exports:\n  - {cluster: east, namespace: other, service: web}\n"
              + split("{service: web}, {service: 1️⃣web, cluster: east}"),
              [Expected(.backendNotExported, "1", "'east' does not export 'web' in namespace 't'")]),
        .init("exported only as federated", linked + "exports:\n  - {cluster: east, namespace: t, service: web, mode: federated}\n"
              + split("{service: web}, {service: 1️⃣web, cluster: east}"),
              [Expected(.backendNotExported, "1", "'east' exports 'web' in 't' only as federated, so there is no 'web-east'")]),
        .init("federated backend without a federated export", linked + "exports:\n  - {cluster: east, namespace: t, service: web}\n"
              + split("{service: web}, {service: 1️⃣web, federated: true}"),
              [Expected(.backendNotExported, "1", "no cluster exports 'web' as federated in namespace 't'")]),
        .init("federated backend", mesh + "links:\n  - {source: west, target: east, mode: remote-discovery}\n"
              + "exports:\n  - {cluster: east, namespace: t, service: web, mode: federated}\n" + split("{service: web}, {service: web, federated: true}")),
    ]

    @Test(arguments: exported)
    func mc220(_ testCase: RuleCase) throws { try check(testCase, rule: RemoteBackendsAreExported()) }

    static let linkedBackends: [RuleCase] = [
        .init("not linked", linked + "exports:\n  - {cluster: north, namespace: t, service: web}\n  - {cluster: east, namespace: t, service: api}\n"
              + split("{service: web}, {service: web, cluster: 1️⃣north}"),
              [Expected(.backendClusterNotLinked, "1", "'west' does not link to 'north', so there is no 'web-north'")]),
        .init("linked in the other mode", mesh + "links:\n  - {source: west, target: east, mode: remote-discovery}\n  - {source: north, target: east}\n"
              + "exports:\n  - {cluster: east, namespace: t, service: web}\n" + split("{service: web}, {service: web, cluster: 1️⃣east}"),
              [Expected(.backendClusterNotLinked, "1", "'west' links to 'east' in remote-discovery mode, which does not mirror the gateway export of 'web'")]),
        .init("remote discovery both sides", mesh + "links:\n  - {source: west, target: east, mode: remote-discovery}\n"
              + "exports:\n  - {cluster: east, namespace: t, service: web, mode: remote-discovery}\n" + split("{service: web}, {service: web, cluster: east}")),
        .init("federated member not linked", mesh + "links:\n  - {source: north, target: east}\n"
              + "exports:\n  - {cluster: east, namespace: t, service: web, mode: federated}\n" + split("{service: web}, {service: web, federated: 1️⃣true}"),
              [Expected(.backendClusterNotLinked, "1", "'west' has no remote-discovery link to a cluster exporting 'web' as federated")]),
        .init("federated member linked through the gateway only", linked
              + "exports:\n  - {cluster: east, namespace: t, service: web, mode: federated}\n" + split("{service: web}, {service: web, federated: 1️⃣true}"),
              [Expected(.backendClusterNotLinked, "1", "'west' has no remote-discovery link to a cluster exporting 'web' as federated")]),
        .init("federated member linked in remote-discovery mode", mesh + "links:\n  - {source: west, target: east, mode: remote-discovery}\n"
              + "exports:\n  - {cluster: east, namespace: t, service: web, mode: federated}\n" + split("{service: web}, {service: web, federated: true}")),
        .init("one Service exported through the gateway and federated", linked
              + "exports:\n  - {cluster: east, namespace: t, service: web}\n  - {cluster: east, namespace: t, service: web, mode: federated}\n"
              + split("{service: web}, {service: web, cluster: east}")),
    ]

    @Test(arguments: linkedBackends)
    func mc221(_ testCase: RuleCase) throws { try check(testCase, rule: RemoteBackendsAreLinked()) }

    static let weights: [RuleCase] = [
        .init("negative", linked + split("{service: web, weight: 1️⃣-1}, {service: api}"),
              [Expected(.invalidWeights, "1", "weight -1 is negative")]),
        .init("over a million", linked + split("{service: web, weight: 1️⃣1000001}, {service: api}"),
              [Expected(.invalidWeights, "1", "weight 1000001 is over 1,000,000")]),
        .init("negative quantity", linked + split("{service: web, weight: 1️⃣-5m}, {service: api}"),
              [Expected(.invalidWeights, "1", "weight -5 is negative")]),
        .init("all zero", linked + "splits:\n  - cluster: west\n    namespace: t\n    service: 1️⃣web\n    port: 80\n    backends: [{service: web, weight: 0}, {service: api, weight: 0m}]\n",
              [Expected(.invalidWeights, "1", "every backend of the split of 'web' has weight 0")]),
        .init("all zero with failover is fine", linked + split("{service: web, weight: 0}, {service: api, weight: 0}", extra: "failover: {primary: web}, ")),
        .init("a million and defaults", linked + split("{service: web, weight: 1000000}, {service: api}")),
    ]

    @Test(arguments: weights)
    func mc222(_ testCase: RuleCase) throws { try check(testCase, rule: WeightsAreValid()) }

    static let ports: [RuleCase] = [
        .init("gateway API route without port", linked + "splits:\n  - 1️⃣{cluster: west, namespace: t, service: web, backends: [{service: web}]}\n",
              [Expected(.missingSplitPort, "1", "the split of 'web' renders as an HTTPRoute (gateway.networking.k8s.io/v1), which needs 'port'")]),
        .init("linkerd route without port", linked + "splits:\n  - 1️⃣cluster: west\n    namespace: t\n    service: web\n    routeAPI: policy.linkerd.io/v1beta3\n    backends: [{service: web}]\n",
              [Expected(.missingSplitPort, "1", "the split of 'web' renders as an HTTPRoute (policy.linkerd.io/v1beta3), which needs 'port'")]),
        .init("SMI needs no port", linked + split("{service: web}", extra: "routeAPI: split.smi-spec.io/v1alpha1, ")),
        .init("failover needs no port", linked + split("{service: web}", extra: "failover: {primary: web}, ")),
        .init("settings route API", "apiVersion: mcplan/v1\nkind: Topology\nsettings: {routeAPI: split.smi-spec.io/v1alpha2}\n"
              + "trustAnchors:\n  - {name: root, file: certs/root-p256.crt}\nclusters:\n" + cluster("west") + split("{service: web}", extra: "")),
    ]

    @Test(arguments: ports)
    func mc223(_ testCase: RuleCase) throws { try check(testCase, rule: RoutesHaveAPort()) }

    static let primaries: [RuleCase] = [
        .init("primary by rendered name", linked + "exports:\n  - {cluster: east, namespace: t, service: web}\n"
              + split("{service: web}, {service: web, cluster: east}", extra: "failover: {primary: web-east}, ")),
        .init("primary not a backend", linked + split("{service: web}", extra: "failover: {primary: 1️⃣webb}, "),
              [Expected(.unknownFailoverPrimary, "1", "failover primary 'webb' is not a backend of the split; did you mean 'web'?")]),
        .init("federated failover backend", mesh + "links:\n  - {source: west, target: east, mode: remote-discovery}\n"
              + "exports:\n  - {cluster: east, namespace: t, service: web, mode: federated}\n"
              + split("{service: web}, {service: 1️⃣web, federated: true}", extra: "failover: {primary: web}, "),
              [Expected(.unknownFailoverPrimary, "1", "failover backend 'web-federated' is a federated Service, which has no Endpoints for linkerd-failover to watch")]),
        .init("remote-discovery failover backend", mesh + "links:\n  - {source: west, target: east, mode: remote-discovery}\n"
              + "exports:\n  - {cluster: east, namespace: t, service: web, mode: remote-discovery}\n"
              + split("{service: web}, {service: 1️⃣web, cluster: east}", extra: "failover: {primary: web}, "),
              [Expected(.unknownFailoverPrimary, "1", "failover backend 'web-east' is a remote-discovery mirror, which has no Endpoints for linkerd-failover to watch")]),
    ]

    @Test(arguments: primaries)
    func mc224(_ testCase: RuleCase) throws { try check(testCase, rule: FailoverSplitsCanBeDriven()) }
}
