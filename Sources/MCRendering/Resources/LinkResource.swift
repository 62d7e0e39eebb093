import MCMesh
import MCTopology
import MCYAML

/// The Link (`multicluster.linkerd.io/v1alpha3`) in the source's multicluster namespace. Every
/// spec scalar is a string, as the CRD requires; gateway fields only in gateway mode.
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
                ("selector", selector("mirror.linkerd.io/exported", "true")),
            ]
        }
        spec += [
            ("remoteDiscoverySelector", selector("mirror.linkerd.io/exported", "remote-discovery")),
            ("federatedServiceSelector", selector("mirror.linkerd.io/federated", "member")),
        ]
        if !settings.excludedLabels.isEmpty {
            spec.append(("excludedLabels", ObjectBuilder.strings(settings.excludedLabels.map(\.value))))
        }
        if !settings.excludedAnnotations.isEmpty {
            spec.append(("excludedAnnotations", ObjectBuilder.strings(settings.excludedAnnotations.map(\.value))))
        }
        return ObjectDraft(object, body: ObjectBuilder.object(object.id, [("spec", .mapping(spec))]))
    }

    private static func selector(_ key: String, _ value: String) -> YAMLValue {
        .mapping([("matchLabels", .mapping([(key, .string(value))]))])
    }
}
