import MCBasics
import MCTopology
import MCYAML

/// The files of a cluster's folder that are not objects: its Kustomization, the exports
/// Component, and the linkerd-multicluster Helm values.
enum ClusterFiles {
    /// `kustomization.yaml`: every object file of the cluster, sorted.
    static func kustomization(objects: [RenderedObject]) -> YAMLValue {
        .mapping([
            ("apiVersion", .string("kustomize.config.k8s.io/v1beta1")),
            ("kind", .string("Kustomization")),
            ("resources", ObjectBuilder.strings(objects.map(\.fileName).sorted().map(\.string))),
        ])
    }

    /// `exports/kustomization.yaml`: a Component whose patches label each exported Service with
    /// the label its mode's selector matches. Nil when the cluster exports nothing.
    static func exportsComponent(_ exports: [Export]) -> YAMLValue? {
        let services = exports.flatMap { export in export.services.map { (export, $0.value) } }
            .sorted { ($0.0.namespace.value, $0.1) < ($1.0.namespace.value, $1.1) }
        guard !services.isEmpty else { return nil }
        let patches = services.map { export, service -> YAMLValue in
            let (key, value) = label(for: export.mode.value)
            let patch = YAMLWriter.write(.mapping([
                ("apiVersion", .string("v1")),
                ("kind", .string("Service")),
                ("metadata", .mapping([
                    ("name", .string(service)),
                    ("namespace", .string(export.namespace.value)),
                    ("labels", .mapping([(key, .string(value))])),
                ])),
            ]))
            return .mapping([
                ("target", .mapping([("version", .string("v1")), ("kind", .string("Service")),
                                     ("name", .string(service)), ("namespace", .string(export.namespace.value))])),
                ("patch", .string(patch)),
            ])
        }
        return .mapping([
            ("apiVersion", .string("kustomize.config.k8s.io/v1alpha1")),
            ("kind", .string("Component")),
            ("patches", .sequence(patches)),
        ])
    }

    /// The label (and value) the Link's selectors match for each export mode.
    static func label(for mode: ExportMode) -> (String, String) {
        switch mode {
        case .gateway: ("mirror.linkerd.io/exported", "true")
        case .remoteDiscovery: ("mirror.linkerd.io/exported", "remote-discovery")
        case .federated: ("mirror.linkerd.io/federated", "member")
        }
    }

    /// `linkerd-multicluster.values.yaml`: one service-mirror controller per link of the cluster,
    /// sorted by target. Nil when the cluster links nowhere.
    static func multiclusterValues(links: [(Link, Cluster)]) -> YAMLValue? {
        guard !links.isEmpty else { return nil }
        let controllers = links.sorted { $0.1.name.value < $1.1.name.value }.map { link, target -> YAMLValue in
            var gateway: [(String, YAMLValue)] = [("enabled", .bool(link.mode.value == .gateway))]
            if link.mode.value == .gateway, let probe = target.gateway?.probe {
                gateway.append(("probe", .mapping([("port", .int(probe.port.value))])))
            }
            return .mapping([
                ("link", .mapping([("ref", .mapping([("name", .string(target.name.value))]))])),
                ("gateway", .mapping(gateway)),
            ])
        }
        return .mapping([("controllers", .sequence(controllers))])
    }
}
