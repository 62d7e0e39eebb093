import MCTestSupport
import MCTopology
import MCYAML
import Testing

@testable import MCRendering

/// What the linkerd-multicluster chart (linkerd/linkerd2 b24cd4059841, `multicluster/charts/
/// linkerd-multicluster`, the same at version-2.18 … 2.20) does with a cluster's values file, and
/// that it is exactly what the other clusters' Links point at. The chart cannot be fetched at test
/// time; the keys and the templates' use of them are written down here from its values.yaml and
/// templates:
/// - `templates/gateway.yaml`, when `gateway.enabled`: a Deployment, Service and ServiceAccount named
///   `gateway.name` in the release namespace; Service ports `mc-gateway: gateway.port` and
///   `mc-probe: gateway.probe.port`; annotations `mirror.linkerd.io/gateway-identity:
///   <gateway.name>.<release namespace>.serviceaccount.identity.<linkerdNamespace>.<identityTrustDomain>`,
///   `mirror.linkerd.io/probe-path: gateway.probe.path`, `mirror.linkerd.io/probe-period: gateway.probe.seconds`.
/// - `templates/controller/*.yaml`, per `controllers` entry: Deployment `controller-<link.ref.name>`,
///   and when `gateway.enabled` (default `controllerDefaults.gateway.enabled: true`) Service
///   `probe-<link.ref.name>` on `gateway.probe.port` (default 4191).
/// - `templates/remote-access-service-mirror-rbac.yaml`, when `remoteMirrorServiceAccount` (default
///   true): ServiceAccount, ClusterRole, ClusterRoleBinding and token Secret named
///   `remoteMirrorServiceAccountName` (default `linkerd-service-mirror-remote-access-default`).
/// - `templates/local-service-mirror.yaml`: `-excluded-labels`/`-excluded-annotations` from
///   `localServiceMirror`; `templates/namespace-metadata-rbac.yaml`: a RoleBinding in `linkerdNamespace`.
@Suite struct ChartValuesTests {
    /// Every key path of the chart's values.yaml that a values file may set (list items: `[]`).
    static let chartKeys: Set<String> = [
        "linkerdNamespace", "identityTrustDomain", "remoteMirrorServiceAccount",
        "gateway.enabled", "gateway.name", "gateway.port", "gateway.probe.path", "gateway.probe.port", "gateway.probe.seconds",
        "localServiceMirror.excludedLabels", "localServiceMirror.excludedAnnotations",
        "controllers", "controllers[].link.ref.name", "controllers[].gateway.enabled", "controllers[].gateway.probe.port",
    ]

    /// What the chart renders that the Links of other clusters depend on.
    struct Release {
        var gateway: (name: String, identity: String, port: Int, probePort: Int, probePath: String, probeSeconds: Int)?
        /// Controller Deployments by link name, with the port of their probe Service (nil: none).
        var controllers: [String: Int?]
        var remoteAccessDefault: Bool

        init(values: YAMLValue, namespace: String) {
            let gatewayEnabled = values["gateway"]?["enabled"] != .bool(false)
            if gatewayEnabled {
                let name = values["gateway"]?["name"]?.string ?? "linkerd-gateway"
                let linkerd = values["linkerdNamespace"]?.string ?? "linkerd"
                let domain = values["identityTrustDomain"]?.string ?? "cluster.local"
                gateway = (name, "\(name).\(namespace).serviceaccount.identity.\(linkerd).\(domain)",
                           values["gateway"]?["port"]?.int ?? 4143, values["gateway"]?["probe"]?["port"]?.int ?? 4191,
                           values["gateway"]?["probe"]?["path"]?.string ?? "/ready", values["gateway"]?["probe"]?["seconds"]?.int ?? 3)
            }
            var controllers: [String: Int?] = [:]
            for entry in values["controllers"]?.items ?? [] {
                let name = entry["link"]?["ref"]?["name"]?.string ?? ""
                let probe = entry["gateway"]?["enabled"] != .bool(false) ? (entry["gateway"]?["probe"]?["port"]?.int ?? 4191) : nil
                controllers[name] = probe
            }
            self.controllers = controllers
            remoteAccessDefault = values["remoteMirrorServiceAccount"] != .bool(false)
        }
    }

    @Test(arguments: PackagePaths.exampleNames())
    func chartRendersWhatTheLinksPointAt(example: String) throws {
        let tree = try renderExample(example)
        let files = tree.byPath
        let clusters = Set(tree.objects.map(\.cluster))
        let links = tree.objects.filter { $0.id.kind == .link }
        let linked = Set(links.map(\.cluster) + links.map(\.id.name))
        for cluster in clusters.sorted() {
            let path = cluster + "/linkerd-multicluster.values.yaml"
            guard let bytes = files[path] else {
                #expect(!linked.contains(cluster), "\(cluster) links or is linked, so it needs its values")
                continue
            }
            let values = try #require(YAMLParser.parse(bytes, path: path).root).value
            for key in Self.paths(values) { #expect(Self.chartKeys.contains(key), "\(path): \(key) is not a key of the chart") }
            // The release goes into the cluster's multicluster namespace: where its Links live, or
            // where the remote access of its sources lives.
            let namespace = try #require(tree.objects.first {
                $0.cluster == cluster && ($0.id.kind == .link || $0.id.kind == .serviceAccount)
            }?.id.namespace)
            let release = Release(values: values, namespace: namespace)
            #expect(!release.remoteAccessDefault, "\(path): the chart's own remote-access account would be rendered")
            #expect(values["linkerdNamespace"]?.string == tree.objects.first { $0.cluster == cluster && $0.id.kind == .configMap }?.id.namespace)

            // Every Link into this cluster through a gateway finds the chart's gateway as it expects.
            for link in links where link.id.name == cluster {
                let spec = try #require(Self.spec(of: link))
                guard let identity = spec["gatewayIdentity"]?.string else { continue }
                let gatewayNamespace = identity.split(separator: ".")[1]
                guard gatewayNamespace == namespace else {
                    #expect(release.gateway == nil, "\(path): a gateway elsewhere (\(gatewayNamespace)) needs no chart gateway")
                    continue
                }
                let gateway = try #require(release.gateway, "\(path): Links of \(link.cluster) point at a gateway the chart does not render")
                #expect(gateway.identity == identity)
                #expect(String(gateway.port) == spec["gatewayPort"]?.string)
                #expect(String(gateway.probePort) == spec["probeSpec"]?["port"]?.string)
                #expect(gateway.probePath == spec["probeSpec"]?["path"]?.string)
                #expect(Double(gateway.probeSeconds) == GoDuration.seconds(spec["probeSpec"]?["period"]?.string ?? "").map { $0.rounded(.down) })
            }
            // One controller per Link of this cluster, probing the target's gateway on its probe port.
            let own = links.filter { $0.cluster == cluster }
            #expect(Set(release.controllers.keys) == Set(own.map(\.id.name)))
            for link in own {
                let spec = try #require(Self.spec(of: link))
                let probe = release.controllers[link.id.name] ?? nil
                #expect(probe.map(String.init) == spec["probeSpec"]?["port"]?.string, "\(path): controller of \(link.id.name)")
            }
            // Nothing the chart renders has the name of an object of the folder.
            var chartNames = release.controllers.keys.map { "controller-" + $0 } + release.controllers.keys.map { "probe-" + $0 }
            if let gateway = release.gateway { chartNames.append(gateway.name) }
            let ours = Set(tree.objects.filter { $0.cluster == cluster }.map(\.id.name))
            #expect(ours.isDisjoint(with: chartNames), "\(path): names the chart renders too")
        }
    }

    private static func spec(of object: RenderedObject) -> YAMLValue? {
        YAMLParser.parse(object.bytes, path: object.path.string).root?.value["spec"]
    }

    /// Every leaf key path of a values document (`[]` for list items).
    static func paths(_ value: YAMLValue, prefix: String = "") -> [String] {
        switch value {
        case .mapping(let pairs): pairs.flatMap { paths($0.1, prefix: prefix.isEmpty ? $0.0 : prefix + "." + $0.0) }
        case .sequence(let items): items.isEmpty ? [prefix] : items.flatMap { paths($0, prefix: prefix + "[]") }
        default: [prefix]
        }
    }
}

extension YAMLValue {
    subscript(key: String) -> YAMLValue? {
        guard case .mapping(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    var string: String? { if case .string(let text) = self { text } else { nil } }
    var int: Int? { if case .int(let number) = self { number } else { nil } }
    var items: [YAMLValue]? { if case .sequence(let items) = self { items } else { nil } }
}
