import MCBasics
import MCMesh
import MCValidation
import MCYAML

/// The mesh facts rendered files hold, read back from their YAML: what a Link says, what an
/// exports Component exports, a split's backends, a trust bundle's anchors, the secret-store key
/// of a link's credentials. Any file that does not read as expected yields nothing.
enum MeshFacts {
    static func link(_ bytes: [UInt8]) -> MeshChanges.LinkState? {
        guard let spec = document(bytes)?["spec"] else { return nil }
        let mode = spec["remoteDiscoverySelector"] != nil ? "remote-discovery" : "gateway"
        return MeshChanges.LinkState(mode: mode, gatewayAddress: spec["gatewayAddress"]?.text, gatewayPort: spec["gatewayPort"]?.text,
                                     gatewayIdentity: spec["gatewayIdentity"]?.text)
    }

    /// One exported Service and its mode.
    struct Exported: Hashable {
        var namespace: String
        var service: String
        var mode: String
    }

    /// The Services an exports Component labels, with the mode each label means.
    static func exports(_ bytes: [UInt8], namespace: String) -> [Exported] {
        guard case .sequence(let patches)? = document(bytes)?["patches"] else { return [] }
        var found: [Exported] = []
        for patch in patches {
            guard let text = patch["patch"]?.text, let service = document(Array(text.utf8))?["metadata"],
                  let name = service["name"]?.text, case .mapping(let labels)? = service["labels"] else { continue }
            for (key, value) in labels {
                let modes: [(MirrorLabel, String)] = [(.gateway, "gateway"), (.remoteDiscovery, "remote-discovery"), (.federated, "federated")]
                for (label, mode) in modes where label.key == key && label.value == value.text {
                    found.append(Exported(namespace: namespace, service: name, mode: mode))
                }
            }
        }
        return found
    }

    /// A split's backends (service → weight, in order) and its failover primary.
    struct SplitState: Equatable {
        var backends: [(service: String, weight: String)]
        var primary: String?

        static func == (a: SplitState, b: SplitState) -> Bool {
            a.primary == b.primary && a.backends.map(\.service) == b.backends.map(\.service) && a.backends.map(\.weight) == b.backends.map(\.weight)
        }
    }

    static func split(_ bytes: [UInt8]) -> SplitState? {
        guard let object = document(bytes), let spec = object["spec"] else { return nil }
        var backends: [(String, String)] = []
        if case .sequence(let rules)? = spec["rules"], case .sequence(let references)? = rules.first?["backendRefs"] {
            backends = references.compactMap { reference in reference["name"]?.text.map { ($0, reference["weight"]?.text ?? "1") } }
        } else if case .sequence(let listed)? = spec["backends"] {
            backends = listed.compactMap { backend in backend["service"]?.text.map { ($0, backend["weight"]?.text ?? "") } }
        }
        let primary = object["metadata"]?["annotations"]?["failover.linkerd.io/primary-service"]?.text
        return SplitState(backends: backends, primary: primary)
    }

    static func anchors(_ bytes: [UInt8]) -> [MeshChanges.Anchor] {
        guard case .mapping(let data)? = document(bytes)?["data"] else { return [] }
        return data.flatMap { _, value in
            CertificateBundle.summaries(value.text ?? "").map { MeshChanges.Anchor(subject: $0.subject, sha256: $0.sha256, notAfter: $0.notAfter) }
        }
    }

    /// The secret store and key an ExternalSecret reads.
    typealias Credential = (store: String, key: String)

    /// The store and key an ExternalSecret reads.
    static func credential(_ bytes: [UInt8]) -> Credential? {
        guard let spec = document(bytes)?["spec"], let store = spec["secretStoreRef"]?["name"]?.text,
              case .sequence(let data)? = spec["data"], let key = data.first?["remoteRef"]?["key"]?.text else { return nil }
        return (store, key)
    }

    private static func document(_ bytes: [UInt8]) -> YAMLValue? {
        YAMLParser.parse(bytes, path: "rendered").root?.value
    }
}

extension YAMLValue {
    /// A mapping's value for `key`.
    subscript(key: String) -> YAMLValue? {
        guard case .mapping(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// A scalar as text.
    var text: String? {
        switch self {
        case .string(let text): text
        case .int(let value): String(value)
        case .bool(let value): String(value)
        default: nil
        }
    }
}
