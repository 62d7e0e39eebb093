import MCMesh
import MCTopology
import MCYAML

/// The Link (`multicluster.linkerd.io/v1alpha3`) in the source's multicluster namespace. Every
/// spec scalar is a string, as the CRD requires. The selectors follow the mode, as the service
/// mirror reads them (an absent selector matches nothing): a gateway Link carries the gateway
/// fields and `selector` only; a remote-discovery Link `remoteDiscoverySelector` and
/// `federatedServiceSelector` only.
enum LinkResource {
    static func build(_ object: MeshObject, _ link: Link, target: Cluster, settings: Settings) -> ObjectDraft {
        let targetName = target.name.value
        var spec: [(String, YAMLValue)] = [
            ("targetClusterName", .string(targetName)),
            ("targetClusterDomain", .string(target.clusterDomain.value)),
            ("targetClusterLinkerdNamespace", .string(target.linkerdNamespace.value)),
            ("clusterCredentialsSecret", .string(MeshNames.credentials(target: targetName))),
        ]
        if link.mode.value == .gateway, let gateway = target.gateway {
            spec += [
                ("gatewayAddress", .string(gateway.addresses.map(\.value).joined(separator: ","))),
                ("gatewayPort", .string(String(gateway.port.value))),
                ("gatewayIdentity", .string(MeshNames.gatewayIdentity(gateway, of: target))),
                ("probeSpec", .mapping([
                    ("path", .string(gateway.probe.path.value)),
                    ("port", .string(String(gateway.probe.port.value))),
                    ("period", .string(gateway.probe.period.value)),
                ])),
                ("selector", selector(MirrorLabel.gateway)),
            ]
        } else if link.mode.value == .remoteDiscovery {
            spec += [
                ("remoteDiscoverySelector", selector(MirrorLabel.remoteDiscovery)),
                ("federatedServiceSelector", selector(MirrorLabel.federated)),
            ]
        }
        if !settings.excludedLabels.isEmpty {
            spec.append(("excludedLabels", ObjectBuilder.strings(settings.excludedLabels.map(\.value))))
        }
        if !settings.excludedAnnotations.isEmpty {
            spec.append(("excludedAnnotations", ObjectBuilder.strings(settings.excludedAnnotations.map(\.value))))
        }
        return ObjectDraft(object, body: ObjectBuilder.object(object.id, [("spec", .mapping(spec))]))
    }

    private static func selector(_ label: MirrorLabel) -> YAMLValue {
        .mapping([("matchLabels", .mapping([(label.key, .string(label.value))]))])
    }
}
