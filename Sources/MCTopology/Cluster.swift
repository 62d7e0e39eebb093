import MCDiagnostics

/// One Kubernetes cluster of the mesh with its overrides already resolved against the settings.
package struct Cluster: Sendable {
    package var name: Located<String>
    /// The anchors this cluster trusts, in bundle order.
    package var trustAnchors: [Located<String>]
    package var issuer: CertificateSource?
    package var linkerdNamespace: Located<String>
    package var multiclusterNamespace: Located<String>
    package var clusterDomain: Located<String>
    package var trustDomain: Located<String>
    package var gateway: Gateway?
    package var credentials: ExternalSecretSource?
    /// The whole entry.
    package var range: SourceRange
    /// False when a required part was missing or broken (already reported): rules that need that
    /// part skip this cluster instead of reporting follow-up errors.
    package var isComplete: Bool

    package init(
        name: Located<String>, trustAnchors: [Located<String>], issuer: CertificateSource? = nil,
        linkerdNamespace: Located<String>, multiclusterNamespace: Located<String>,
        clusterDomain: Located<String>, trustDomain: Located<String>, gateway: Gateway? = nil,
        credentials: ExternalSecretSource? = nil, range: SourceRange, isComplete: Bool = true
    ) {
        self.name = name
        self.trustAnchors = trustAnchors
        self.issuer = issuer
        self.linkerdNamespace = linkerdNamespace
        self.multiclusterNamespace = multiclusterNamespace
        self.clusterDomain = clusterDomain
        self.trustDomain = trustDomain
        self.gateway = gateway
        self.credentials = credentials
        self.range = range
        self.isComplete = isComplete
    }
}

/// How other clusters reach this one's multicluster gateway.
package struct Gateway: Sendable {
    /// IP addresses or DNS names.
    package var addresses: [Located<String>]
    package var port: Located<Int>
    package var probe: Probe
    package var serviceAccount: Located<String>
    package var namespace: Located<String>
    package var range: SourceRange

    package static let defaultPort = 4143
    package static let defaultServiceAccount = "linkerd-gateway"

    package init(
        addresses: [Located<String>], port: Located<Int>, probe: Probe, serviceAccount: Located<String>,
        namespace: Located<String>, range: SourceRange
    ) {
        self.addresses = addresses
        self.port = port
        self.probe = probe
        self.serviceAccount = serviceAccount
        self.namespace = namespace
        self.range = range
    }
}

/// The gateway's health probe as the service mirror calls it.
package struct Probe: Sendable {
    package var port: Located<Int>
    package var path: Located<String>
    /// A Go duration such as `3s`.
    package var period: Located<String>

    package static let defaultPort = 4191
    package static let defaultPath = "/ready"
    package static let defaultPeriod = "3s"

    package init(port: Located<Int>, path: Located<String>, period: Located<String>) {
        self.port = port
        self.path = path
        self.period = period
    }
}

/// Where the kubeconfig that reaches a cluster is stored, for External Secrets Operator.
package struct ExternalSecretSource: Sendable {
    package enum StoreKind: String, CaseIterable, Sendable {
        case clusterSecretStore = "ClusterSecretStore"
        case secretStore = "SecretStore"
    }

    package var store: Located<String>
    package var storeKind: Located<StoreKind>
    /// The remote key; `{source}` and `{target}` are substituted per link.
    package var key: Located<String>
    package var property: Located<String>?
    package var range: SourceRange

    package init(
        store: Located<String>, storeKind: Located<StoreKind>, key: Located<String>,
        property: Located<String>?, range: SourceRange
    ) {
        self.store = store
        self.storeKind = storeKind
        self.key = key
        self.property = property
        self.range = range
    }

    /// The remote key for the link `source` → `target`: `{source}` and `{target}` replaced, found
    /// over the UTF-8 bytes (every link of a large mesh asks for one).
    package func key(source: String, target: String) -> String {
        var result = ""
        var rest = Substring(key.value)
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")) {
            result += rest[..<open]
            let tail = rest[open...]
            if let (placeholder, value) = [("{source}", source), ("{target}", target)].first(where: { tail.utf8.starts(with: $0.0.utf8) }) {
                result += value
                rest = tail[tail.utf8.index(open, offsetBy: placeholder.utf8.count)...]
            } else {
                result += "{"
                rest = tail[tail.utf8.index(after: open)...]
            }
        }
        return result + rest
    }
}
