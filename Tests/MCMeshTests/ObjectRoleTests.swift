import MCDiagnostics
import MCTopology
import Testing

@testable import MCMesh

private let here = SourceRange(start: .init(line: 1, column: 1), end: .init(line: 1, column: 2))

private func located<Value>(_ value: Value) -> Located<Value> { Located(value, at: here) }

/// A cluster with the given namespaces and, optionally, a credentials source.
private func cluster(_ name: String, linkerd: String = "linkerd", multicluster: String = "linkerd-multicluster",
                     credentials: Bool = true) -> Cluster {
    Cluster(name: located(name), trustAnchors: [located("root")], linkerdNamespace: located(linkerd),
            multiclusterNamespace: located(multicluster), clusterDomain: located("cluster.local"), trustDomain: located("cluster.local"),
            credentials: credentials ? ExternalSecretSource(store: located("vault"), storeKind: located(.clusterSecretStore),
                                                            key: located("{source}-{target}"), property: nil, range: here) : nil,
            range: here)
}

@Suite struct ObjectRoleTests {
    /// Names chosen to trip a parser that looks at prefixes and suffixes: a source whose own name
    /// ends in `-token`, names that start like the derived prefixes.
    static let roles: [ObjectRole] = [
        .trustRoots,
        .link(target: "east"), .link(target: "cluster-credentials-east"),
        .linkCredentials(target: "east"), .linkCredentials(target: "cluster-credentials-x"),
        .split(name: "podinfo"), .split(name: "linkerd-identity-trust-roots"),
    ] + ["west", "west-token", "linkerd-service-mirror-remote-access-a"].flatMap { source in
        ObjectRole.RemoteAccessPart.allCases.map { ObjectRole.remoteAccess(source: source, part: $0) }
    }

    /// role(name(role)) == role, for every kind the role can take.
    @Test(arguments: roles)
    func nameAndRoleAreInverse(role: ObjectRole) {
        for kind in role.kinds {
            #expect(ObjectRole(kind: kind, name: role.name) == role, "\(kind) \(role.name)")
        }
    }

    /// Objects the mesh does not render have no role.
    @Test(arguments: [
        (ResourceKind.configMap, "linkerd-config"), (.externalSecret, "other"), (.serviceAccount, "default"),
        (.secret, "linkerd-service-mirror-remote-access-west"), (.secret, "linkerd-service-mirror-remote-access--token"),
        (ResourceKind("Service"), "podinfo"),
    ])
    func othersHaveNoRole(kind: ResourceKind, name: String) {
        #expect(ObjectRole(kind: kind, name: name) == nil)
    }

    /// Every object the layout makes carries its role's name and one of its role's kinds, and
    /// reads back as that role: the renderer and the planner agree by construction.
    @Test(arguments: [("linkerd", "linkerd-multicluster", true), ("linkerd", "linkerd", true), ("linkerd-cp", "mc", false)])
    func layoutObjectsReadBackAsTheirRole(linkerd: String, multicluster: String, credentials: Bool) {
        let source = cluster("west", linkerd: linkerd, multicluster: multicluster)
        let target = cluster("east", credentials: credentials)
        let link = Link(source: located("west"), target: located("east"), mode: located(.gateway), declaration: here)
        let objects = MeshLayout.objects(of: link, source: source, target: target)
        let secrets = credentials ? (linkerd == multicluster ? 1 : 2) : 0
        #expect(objects.count == 1 + secrets + 4)
        for object in objects + [MeshLayout.trustRoots(of: source)] {
            #expect(object.id.name == object.role.name)
            #expect(object.role.kinds.contains(object.id.kind))
            #expect(ObjectRole(kind: object.id.kind, name: object.id.name) == object.role)
            #expect((object.id.namespace == nil) == object.id.kind.isClusterScoped)
        }
        #expect(objects.filter { $0.cluster == "east" }.count == 4)
        let counts = MeshLayout.objectCounts(source: source, target: target)
        #expect(counts.source == objects.filter { $0.cluster == "west" }.count && counts.target == 4, "the counts MC905 checks are the objects")
        #expect(Set(objects.filter { $0.role == .linkCredentials(target: "east") }.compactMap(\.id.namespace)).count == secrets)
    }

    @Test func derivedNames() {
        #expect(MeshNames.mirror(service: "podinfo", cluster: "east") == "podinfo-east")
        for (service, cluster) in [("podinfo", "east"), ("é", "日本"), ("", "x")] {
            #expect(MeshNames.mirrorByteCount(service: service, cluster: cluster) == MeshNames.mirror(service: service, cluster: cluster).utf8.count)
        }
        #expect(MeshNames.federated(service: "podinfo") == "podinfo-federated")
        #expect(MeshNames.probe(cluster: "east") == "probe-east")
        #expect(MeshNames.remoteAccessToken(source: "west") == "linkerd-service-mirror-remote-access-west-token")
        #expect(MeshLayout.fileName(of: ResourceID(apiVersion: "v1", kind: .clusterRole, namespace: nil, name: "x")).string == "_cluster/clusterrole-x.yaml")
    }

    /// The kind order table lists the kinds in the order plans sort them.
    @Test func kindOrderIsSorted() {
        #expect(ResourceKind.order == ResourceKind.order.sorted())
        #expect(Set(ResourceKind.order).count == ResourceKind.order.count)
    }
}
