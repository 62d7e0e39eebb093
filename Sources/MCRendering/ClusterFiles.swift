import MCBasics
import MCMesh
import MCTopology
import MCYAML

/// The files of a cluster's folder that are not objects: its Kustomization, the exports
/// Components, and the linkerd-multicluster Helm values.
enum ClusterFiles {
    /// `kustomization.yaml`: every object file of the cluster (`objects`, in path order), sorted:
    /// the files under one cluster's folder sort as their paths do.
    static func kustomization(objects: [RenderedObject]) -> YAMLValue {
        assert(zip(objects, objects.dropFirst()).allSatisfy { $0.path < $1.path }, "a cluster's objects in path order")
        return .mapping([
            ("apiVersion", .string("kustomize.config.k8s.io/v1beta1")),
            ("kind", .string("Kustomization")),
            ("resources", ObjectBuilder.strings(objects.map(\.fileName))),
        ])
    }

    /// `exports/<namespace>/kustomization.yaml`, one per namespace with exports: a Component
    /// whose patches give each exported Service the labels its modes' selectors match. Patches
    /// target the Service by name alone, so the Component works for an application whose
    /// Services carry their namespace and for one whose kustomization sets `namespace:`.
    /// Each comes with the Services it exports, read from its patches before they are written.
    static func exportsComponents(_ exports: [Export]) -> [(namespace: String, component: YAMLValue, exported: [RenderedFacts.Exported])] {
        var labels: [String: [String: Set<MirrorLabel>]] = [:]
        for export in exports {
            for service in export.services {
                labels[export.namespace.value, default: [:]][service.value, default: []].insert(.for(export.mode.value))
            }
        }
        return labels.keys.sorted().map { namespace in
            let services = labels[namespace]!
            var exported: [RenderedFacts.Exported] = []
            let patches = services.keys.sorted().map { service -> YAMLValue in
                let pairs = services[service]!.map { ($0.key, $0.value) }
                let patch = YAMLValue.mapping([
                    ("apiVersion", .string("v1")),
                    ("kind", .string("Service")),
                    ("metadata", .mapping([("name", .string(service)), ("labels", ObjectBuilder.stringMap(pairs))])),
                ])
                exported += RenderedFacts.exported(byPatch: patch, namespace: namespace)
                return .mapping([
                    ("target", .mapping([("version", .string("v1")), ("kind", .string("Service")), ("name", .string(service))])),
                    ("patch", .string(YAMLWriter.write(patch))),
                ])
            }
            return (namespace, .mapping([
                ("apiVersion", .string("kustomize.config.k8s.io/v1alpha1")),
                ("kind", .string("Component")),
                ("patches", .sequence(patches)),
            ]), exported)
        }
    }

    /// `linkerd-multicluster.values.yaml`: the whole configuration of the cluster's
    /// linkerd-multicluster Helm release (installed in its multicluster namespace), so that the
    /// chart renders exactly the gateway, identity and probe other clusters' Links point at, and
    /// nothing of its own defaults that the folder renders itself. One service-mirror controller
    /// per outgoing link, sorted by target (an empty list when it links nowhere).
    static func multiclusterValues(for cluster: Cluster, links: [OutgoingLink], settings: Settings) -> YAMLValue {
        var gateway: [(String, YAMLValue)] = [("enabled", .bool(false))]
        if let own = cluster.gateway, own.namespace.value == cluster.multiclusterNamespace.value {
            gateway = [
                ("enabled", .bool(true)),
                ("name", .string(own.serviceAccount.value)),
                ("port", .int(own.port.value)),
                ("probe", .mapping([
                    ("path", .string(own.probe.path.value)),
                    ("port", .int(own.probe.port.value)),
                    ("seconds", .int(Int(GoDuration.seconds(own.probe.period.value) ?? 3))),
                ])),
            ]
        }
        var values: [(String, YAMLValue)] = [
            ("linkerdNamespace", .string(cluster.linkerdNamespace.value)),
            ("identityTrustDomain", .string(cluster.trustDomain.value)),
            ("gateway", .mapping(gateway)),
            ("remoteMirrorServiceAccount", .bool(false)),
        ]
        var localMirror: [(String, YAMLValue)] = []
        if !settings.excludedLabels.isEmpty {
            localMirror.append(("excludedLabels", .string(settings.excludedLabels.map(\.value).joined(separator: ","))))
        }
        if !settings.excludedAnnotations.isEmpty {
            localMirror.append(("excludedAnnotations", .string(settings.excludedAnnotations.map(\.value).joined(separator: ","))))
        }
        if !localMirror.isEmpty { values.append(("localServiceMirror", .mapping(localMirror))) }
        let controllers = links.sorted { $0.target < $1.target }.map { link -> YAMLValue in
            var gateway: [(String, YAMLValue)] = [("enabled", .bool(link.mode == .gateway))]
            if link.mode == .gateway, let port = link.targetProbePort {
                gateway.append(("probe", .mapping([("port", .int(port))])))
            }
            return .mapping([
                ("link", .mapping([("ref", .mapping([("name", .string(link.target))]))])),
                ("gateway", .mapping(gateway)),
            ])
        }
        values.append(("controllers", .sequence(controllers)))
        return .mapping(values)
    }
}

/// What a cluster's extension values need of one of its links: the target, the mode and the
/// target gateway's probe port (a large mesh has thousands of links, so not the whole cluster).
struct OutgoingLink: Sendable {
    var target: String
    var mode: LinkMode
    var targetProbePort: Int?
}
