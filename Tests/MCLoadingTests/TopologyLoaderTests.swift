import MCDiagnostics
import MCMesh
import MCTestSupport
import MCTopology
import MCYAML
import Testing

@testable import MCLoading

private func load(_ body: String) throws -> Topology {
    let text = "apiVersion: mcplan/v1\nkind: Topology\n" + body
    let parsed = YAMLParser.parse(Array(text.utf8), path: "t.yaml")
    let root = try #require(parsed.root)
    let result = TopologyLoader.load(root, path: "t.yaml")
    #expect(parsed.diagnostics.isEmpty && result.diagnostics.isEmpty,
            "\(result.diagnostics.map { "\($0.code.rawValue) \($0.range.start) \($0.message)" })")
    return try #require(result.topology)
}

private func pairs(_ topology: Topology) -> [String] {
    topology.links.map { "\($0.source.value)>\($0.target.value):\($0.mode.value.rawValue)" }
}

@Suite struct TopologyLoaderTests {
    @Test func settingsDefaults() throws {
        let topology = try load("clusters: []\n")
        let s = topology.settings
        #expect(s.linkerdNamespace.value == "linkerd")
        #expect(s.multiclusterNamespace.value == "linkerd-multicluster")
        #expect(s.clusterDomain.value == "cluster.local")
        #expect(s.trustDomain.value == "cluster.local")
        #expect(s.routeAPI.value == .gatewayHTTPRoute)
        #expect(s.excludedLabels.isEmpty && s.excludedAnnotations.isEmpty)
        #expect(s.certificateWarningDays.value == 60)
    }

    @Test func clusterOverridesAndGatewayDefaults() throws {
        let topology = try load("""
        settings:
          linkerdNamespace: l5d
          multiclusterNamespace: mc
          routeAPI: split.smi-spec.io/v1alpha2
          excludedLabels: ["argocd.argoproj.io/*"]
        trustAnchors:
          - {name: root, file: certs/root.crt}
          - name: other
            pem: |
              -----BEGIN CERTIFICATE-----
              -----END CERTIFICATE-----
        clusters:
          - name: east
            trustAnchors: [root, other]
            issuer: {file: certs/east.crt}
            clusterDomain: east.local
            gateway:
              address: 203.0.113.10
          - name: west
            trustAnchors: [root]
            multiclusterNamespace: linkerd-mc
            trustDomain: west.example
            gateway:
              address: [gw.west.example.com, "2001:db8::1"]
              port: 4180
              probe: {port: 4192, path: /live, period: 1m30s}
              serviceAccount: ambassador
            credentials:
              externalSecret:
                store: vault
                storeKind: SecretStore
                key: "mesh/{source}-to-{target}/kubeconfig"
                property: kubeconfig

        """)
        #expect(topology.settings.routeAPI.value == .smiV1alpha2)
        #expect(topology.settings.excludedLabels.map(\.value) == ["argocd.argoproj.io/*"])
        #expect(topology.trustAnchors.count == 2)
        guard case .pem(let pem) = topology.trustAnchors[1].source else { Issue.record("expected pem"); return }
        #expect(pem.value.hasPrefix("-----BEGIN CERTIFICATE-----\n"))
        let east = topology.clusters[0]
        #expect(east.trustAnchors.map(\.value) == ["root", "other"])
        #expect(east.linkerdNamespace.value == "l5d")
        #expect(east.multiclusterNamespace.value == "mc")
        #expect(east.clusterDomain.value == "east.local")
        #expect(east.trustDomain.value == "cluster.local")
        #expect(east.isComplete)
        let gateway = try #require(east.gateway)
        #expect(gateway.addresses.map(\.value) == ["203.0.113.10"])
        #expect(gateway.port.value == 4143)
        #expect(gateway.probe.port.value == 4191 && gateway.probe.path.value == "/ready" && gateway.probe.period.value == "3s")
        #expect(gateway.serviceAccount.value == "linkerd-gateway")
        #expect(gateway.namespace.value == "mc")
        let west = topology.clusters[1]
        let westGateway = try #require(west.gateway)
        #expect(westGateway.addresses.map(\.value) == ["gw.west.example.com", "2001:db8::1"])
        #expect(westGateway.port.value == 4180)
        #expect(westGateway.probe.period.value == "1m30s")
        #expect(westGateway.namespace.value == "linkerd-mc")
        #expect(westGateway.serviceAccount.value == "ambassador")
        let credentials = try #require(west.credentials)
        #expect(credentials.storeKind.value == .secretStore)
        #expect(credentials.key(source: "east", target: "west") == "mesh/east-to-west/kubeconfig")
        #expect(credentials.property?.value == "kubeconfig")
    }

    @Test func externalSecretStoreKindDefaultsToClusterSecretStore() throws {
        let topology = try load("""
        clusters:
          - name: a
            trustAnchors: [r]
            credentials: {externalSecret: {store: v, key: k}}

        """)
        #expect(topology.clusters[0].credentials?.storeKind.value == .clusterSecretStore)
        #expect(topology.clusters[0].credentials?.property == nil)
    }

    @Test func linkShorthandsExpand() throws {
        let topology = try load("""
        clusters: []
        links:
          - source: west
            target: east
          - between: [w1, w2]
            mode: remote-discovery
          - mesh: [c1, c2, c3]
          - source: [s1, s2]
            target: hub
          - source: hub
            target: [t1, t2]

        """)
        #expect(pairs(topology) == [
            "west>east:gateway",
            "w1>w2:remote-discovery", "w2>w1:remote-discovery",
            "c1>c2:gateway", "c1>c3:gateway", "c2>c1:gateway", "c2>c3:gateway", "c3>c1:gateway", "c3>c2:gateway",
            "s1>hub:gateway", "s2>hub:gateway",
            "hub>t1:gateway", "hub>t2:gateway",
        ])
        #expect(topology.links[1].declaration.start.line == 7)
        #expect(topology.links[1].source.range.start == SourcePosition(line: 7, column: 15))
    }

    @Test func exportsTakeServiceOrServices() throws {
        let topology = try load("""
        clusters: []
        exports:
          - {cluster: east, namespace: test, service: podinfo}
          - {cluster: east, namespace: test, services: [a, b], mode: federated}

        """)
        #expect(topology.exports.map { $0.services.map(\.value) } == [["podinfo"], ["a", "b"]])
        #expect(topology.exports.map(\.mode.value) == [.gateway, .federated])
    }

    @Test func splitsKeepBackendOrderAndWeights() throws {
        let topology = try load("""
        clusters: []
        splits:
          - cluster: west
            namespace: test
            service: podinfo
            port: 9898
            name: podinfo-split
            routeAPI: policy.linkerd.io/v1beta3
            backends:
              - {service: podinfo, weight: 50}
              - {service: podinfo, cluster: east, weight: 500m}
              - {service: podinfo, federated: true, weight: "1"}
              - {service: other}
          - cluster: west
            namespace: test
            service: api
            backends: [{service: api}, {service: api, cluster: east}]
            failover: {primary: api}

        """)
        let split = topology.splits[0]
        #expect(split.objectName == "podinfo-split")
        #expect(split.port?.value == 9898)
        #expect(split.routeAPI?.value == .linkerdHTTPRoute)
        #expect(split.backends.map(MeshNames.service(of:)) == ["podinfo", "podinfo-east", "podinfo-federated", "other"])
        #expect(split.backends.map { $0.weight?.value } == [
            Weight(amount: 50, isMilli: false), Weight(amount: 500, isMilli: true), Weight(amount: 1, isMilli: false), nil,
        ])
        #expect(topology.splits[1].objectName == "api")
        #expect(topology.splits[1].failover?.primary.value == "api")
        #expect(topology.splits[1].port == nil)
    }

    @Test func yaml12ScalarsStayStringsWhereStringsAreExpected() throws {
        let topology = try load("""
        clusters:
          - name: on
            trustAnchors: [no, y, 0755, 1.10]

        """)
        #expect(topology.clusters[0].name.value == "on")
        #expect(topology.clusters[0].trustAnchors.map(\.value) == ["no", "y", "0755", "1.10"])
    }
}
