import MCMesh
import MCYAML

/// What a rendered file says about the mesh, read from its YAML document: what a Link says, the
/// secret-store key an ExternalSecret reads, a split's backends, the Services an exports
/// Component labels. The renderer keeps them from the documents it writes, so that a plan need
/// not parse its own output again; a committed file's parsed document is read by the same
/// readers (a test holds the kept facts equal to those read back from the written bytes).
/// Indirect: tens of thousands of files carry one, or none, in a word.
package indirect enum RenderedFacts: Sendable, Equatable {
    case link(Link)
    case credential(store: String, key: String)
    case split(Split)
    case exports([Exported])

    /// Which reader a file is read with.
    package enum Kind: Sendable, Equatable {
        case link, credential, split
        /// An exports Component, with the namespace its folder is named for.
        case exports(namespace: String)
    }

    package struct Link: Sendable, Equatable {
        /// `gateway` or `remote-discovery`.
        package var mode: String
        package var gatewayAddress: String?
        package var gatewayPort: String?
        package var gatewayIdentity: String?
    }

    /// A split's backends (service → weight, in order) and its failover primary.
    package struct Split: Sendable, Equatable {
        package var backends: [Backend]
        package var primary: String?

        package struct Backend: Sendable, Equatable {
            package var service: String
            package var weight: String
        }
    }

    /// One exported Service and its mode.
    package struct Exported: Sendable, Hashable {
        package var namespace: String
        package var service: String
        package var mode: String
    }

    /// `document` read as `kind`; nil when it does not read as one.
    package static func read(_ document: YAMLValue, as kind: Kind) -> RenderedFacts? {
        switch kind {
        case .link: link(document).map(RenderedFacts.link)
        case .credential: credential(document).map { .credential(store: $0.store, key: $0.key) }
        case .split: split(document).map(RenderedFacts.split)
        case .exports(let namespace): exports(document, namespace: namespace)
        }
    }

    /// Whether these are what a reader of `kind` reads.
    package func are(_ kind: Kind) -> Bool {
        switch (self, kind) {
        case (.link, .link), (.credential, .credential), (.split, .split), (.exports, .exports): true
        default: false
        }
    }

    /// The reader of an object of `role`; nil for the roles whose facts are read from bytes alone.
    package static func kind(of role: ObjectRole) -> Kind? {
        switch role {
        case .link: .link
        case .linkCredentials: .credential
        case .split: .split
        case .trustRoots, .remoteAccess: nil
        }
    }

    private static func link(_ document: YAMLValue) -> Link? {
        guard let spec = document["spec"] else { return nil }
        let mode = spec["remoteDiscoverySelector"] != nil ? "remote-discovery" : "gateway"
        return Link(mode: mode, gatewayAddress: spec["gatewayAddress"]?.text, gatewayPort: spec["gatewayPort"]?.text,
                    gatewayIdentity: spec["gatewayIdentity"]?.text)
    }

    private static func credential(_ document: YAMLValue) -> (store: String, key: String)? {
        guard let spec = document["spec"], let store = spec["secretStoreRef"]?["name"]?.text,
              case .sequence(let data)? = spec["data"], let key = data.first?["remoteRef"]?["key"]?.text else { return nil }
        return (store, key)
    }

    private static func split(_ document: YAMLValue) -> Split? {
        guard let spec = document["spec"] else { return nil }
        var backends: [Split.Backend] = []
        if case .sequence(let rules)? = spec["rules"], case .sequence(let references)? = rules.first?["backendRefs"] {
            backends = references.compactMap { reference in
                reference["name"]?.text.map { Split.Backend(service: $0, weight: reference["weight"]?.text ?? "1") }
            }
        } else if case .sequence(let listed)? = spec["backends"] {
            backends = listed.compactMap { backend in backend["service"]?.text.map { Split.Backend(service: $0, weight: backend["weight"]?.text ?? "") } }
        }
        return Split(backends: backends, primary: document["metadata"]?["annotations"]?["failover.linkerd.io/primary-service"]?.text)
    }

    /// The Services a Component's patches label; each patch is YAML text, parsed here.
    private static func exports(_ document: YAMLValue, namespace: String) -> RenderedFacts {
        guard case .sequence(let patches)? = document["patches"] else { return .exports([]) }
        return .exports(patches.flatMap { item in
            item["patch"]?.text.flatMap { YAMLParser.parse(Array($0.utf8), path: "rendered").root?.value }
                .map { exported(byPatch: $0, namespace: namespace) } ?? []
        })
    }

    /// The Services one patch labels, with the mode each label means.
    static func exported(byPatch patch: YAMLValue, namespace: String) -> [Exported] {
        guard let service = patch["metadata"], let name = service["name"]?.text, case .mapping(let labels)? = service["labels"] else { return [] }
        var found: [Exported] = []
        for (key, value) in labels {
            let modes: [(MirrorLabel, String)] = [(.gateway, "gateway"), (.remoteDiscovery, "remote-discovery"), (.federated, "federated")]
            for (label, mode) in modes where label.key == key && label.value == value.text {
                found.append(Exported(namespace: namespace, service: name, mode: mode))
            }
        }
        return found
    }
}

extension YAMLValue {
    /// A mapping's value for `key`.
    package subscript(key: String) -> YAMLValue? {
        guard case .mapping(let pairs) = self else { return nil }
        return pairs.first { $0.0 == key }?.1
    }

    /// A scalar as text.
    package var text: String? {
        switch self {
        case .string(let text): text
        case .int(let value): String(value)
        case .bool(let value): String(value)
        default: nil
        }
    }
}
