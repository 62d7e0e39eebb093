import MCDiagnostics
import MCTopology
import MCYAML

extension TopologyLoader {
    static let clusterFields = [
        "name", "trustAnchors", "issuer", "linkerdNamespace", "multiclusterNamespace", "clusterDomain",
        "trustDomain", "gateway", "credentials",
    ]
    static let gatewayFields = ["address", "port", "probe", "serviceAccount", "namespace"]
    static let probeFields = ["port", "path", "period"]
    static let externalSecretFields = ["store", "storeKind", "key", "property"]

    static func loadClusters(_ root: Fields, settings: Settings, context: LoadContext) -> [Cluster] {
        entries(root, "clusters").compactMap { entry in
            if let scalar = entry.scalar {
                context.wrongType(entry, field: "cluster", expected: "a mapping",
                                  hint: "write '- name: \(scalar.text)' with 'trustAnchors:'")
                // Known by name but broken, so links to it do not get follow-up errors.
                return Cluster(
                    name: Located(scalar.text, at: entry.range), trustAnchors: [],
                    linkerdNamespace: settings.linkerdNamespace, multiclusterNamespace: settings.multiclusterNamespace,
                    clusterDomain: settings.clusterDomain, trustDomain: settings.trustDomain,
                    range: entry.range, isComplete: false)
            }
            return loadCluster(entry, settings: settings, context: context)
        }
    }

    private static func loadCluster(_ entry: YAMLNode, settings: Settings, context: LoadContext) -> Cluster? {
        guard var fields = Fields(entry, field: "cluster", owner: "a cluster", allowed: clusterFields, context: context)
        else { return nil }
        // Without a usable name the entry is still checked, then dropped.
        let declaredName = fields.requiredString("name")
        let name = declaredName ?? Located("", at: entry.range)
        if declaredName != nil { fields.owner = "cluster '\(name.value)'" }
        var cluster = Cluster(
            name: name, trustAnchors: [],
            linkerdNamespace: fields.string("linkerdNamespace") ?? settings.linkerdNamespace,
            multiclusterNamespace: fields.string("multiclusterNamespace") ?? settings.multiclusterNamespace,
            clusterDomain: fields.string("clusterDomain") ?? settings.clusterDomain,
            trustDomain: fields.string("trustDomain") ?? settings.trustDomain,
            range: entry.range)
        cluster.isComplete = context.isClean {
            if fields.has("trustAnchors") {
                cluster.trustAnchors = fields.strings("trustAnchors") ?? []
            } else {
                fields.missing("trustAnchors", hint: "add 'trustAnchors: [<anchor name>]': the roots this cluster trusts")
            }
            if let node = fields.node("issuer"),
               let issuer = Fields(node, field: "issuer", owner: "the issuer of '\(name.value)'",
                                   allowed: ["file", "pem"], context: context) {
                cluster.issuer = certificateSource(issuer, what: "the issuer of '\(name.value)'", context: context)
            }
            if let node = fields.node("gateway") {
                cluster.gateway = loadGateway(node, cluster: cluster, context: context)
            }
            if let node = fields.node("credentials") {
                cluster.credentials = loadCredentials(node, cluster: name.value, context: context)
            }
        }
        return declaredName == nil ? nil : cluster
    }

    private static func loadGateway(_ node: YAMLNode, cluster: Cluster, context: LoadContext) -> Gateway? {
        let owner = "the gateway of '\(cluster.name.value)'"
        guard let fields = Fields(node, field: "gateway", owner: owner, allowed: gatewayFields, context: context)
        else { return nil }
        var addresses: [Located<String>] = []
        if fields.has("address") {
            for address in fields.strings("address", scalarAllowed: true) ?? [] {
                if let kind = ValueFormat.unreachableAddressKind(address.value) {
                    context.report(
                        .invalidValue, "gateway address '\(address.value)' is \(kind), which other clusters cannot reach",
                        at: address.range, label: "not reachable from another cluster",
                        hint: "write the gateway's external IP address or DNS name (its LoadBalancer's, for example)")
                } else if ValueFormat.isGatewayAddress(address.value) {
                    addresses.append(address)
                } else {
                    context.report(
                        .invalidValue, "invalid gateway address '\(address.value)'", at: address.range,
                        label: "not an IP address or DNS name",
                        hint: "write an IPv4 address, an IPv6 address without brackets, or a DNS name; no scheme, port or path")
                }
            }
        } else {
            fields.missing("address", hint: "add 'address:' with the gateway's external IP or DNS name")
        }
        let at = fields.keyRange("gateway") ?? node.range
        var probe = Probe(port: Located(Probe.defaultPort, at: at), path: Located(Probe.defaultPath, at: at),
                          period: Located(Probe.defaultPeriod, at: at))
        if let probeNode = fields.node("probe"),
           let probeFields = Fields(probeNode, field: "probe", owner: "the probe of '\(cluster.name.value)'",
                                    allowed: probeFields, context: context) {
            if let port = port(probeFields, "port", context: context) { probe.port = port }
            if let path = probeFields.string("path") {
                if ValueFormat.isProbePath(path.value) {
                    probe.path = path
                } else {
                    context.report(.invalidValue, "invalid probe path '\(path.value)'", at: path.range,
                                   label: "not an absolute path", hint: "start the path with '/', e.g. /ready")
                }
            }
            if let period = probeFields.string("period") {
                if let seconds = GoDuration.seconds(period.value), seconds < 1 {
                    context.report(.invalidValue, "probe period '\(period.value)' is under 1s", at: period.range,
                                   label: "too short", hint: "use a period of 1s or more (the default is 3s); the service mirror's probe ticker needs it")
                } else if ValueFormat.isDuration(period.value) {
                    probe.period = period
                } else {
                    context.report(.invalidValue, "invalid probe period '\(period.value)'", at: period.range,
                                   label: "not a duration", hint: "write a Go duration such as 3s or 1m30s")
                }
            }
        }
        return Gateway(
            addresses: addresses,
            port: port(fields, "port", context: context) ?? Located(Gateway.defaultPort, at: node.range),
            probe: probe,
            serviceAccount: fields.string("serviceAccount") ?? Located(Gateway.defaultServiceAccount, at: node.range),
            namespace: fields.string("namespace") ?? cluster.multiclusterNamespace,
            range: node.range)
    }

    /// An integer field that must be a TCP port.
    static func port(_ fields: Fields, _ key: String, context: LoadContext) -> Located<Int>? {
        guard let port = fields.int(key) else { return nil }
        guard ValueFormat.isPort(port.value) else {
            context.report(.invalidValue, "port \(port.value) is out of range", at: port.range,
                           label: "not in 1–65535", hint: "use a port between 1 and 65535")
            return nil
        }
        return port
    }

    private static func loadCredentials(_ node: YAMLNode, cluster: String, context: LoadContext) -> ExternalSecretSource? {
        guard let fields = Fields(node, field: "credentials", owner: "the credentials of '\(cluster)'",
                                  allowed: ["externalSecret"], context: context) else { return nil }
        guard let secretNode = fields.node("externalSecret") else {
            fields.missing("externalSecret", hint: "add 'externalSecret:' with 'store:' and 'key:'")
            return nil
        }
        guard let secret = Fields(secretNode, field: "externalSecret", owner: "the external secret of '\(cluster)'",
                                  allowed: externalSecretFields, context: context),
              let store = secret.requiredString("store"), let key = secret.requiredString("key")
        else { return nil }
        let kind = secret.has("storeKind")
            ? secret.choice("storeKind", ExternalSecretSource.StoreKind.self)
            : Located(.clusterSecretStore, at: secretNode.range)
        checkKeyTemplate(key, context: context)
        guard let kind else { return nil }
        return ExternalSecretSource(store: store, storeKind: kind, key: key, property: secret.string("property"),
                                    range: secretNode.range)
    }

    /// Only `{source}` and `{target}` may be substituted in a remote key.
    private static func checkKeyTemplate(_ key: Located<String>, context: LoadContext) {
        var rest = Substring(key.value)
        while let open = rest.firstIndex(of: "{") {
            let tail = rest[open...]
            guard let close = tail.firstIndex(of: "}") else { break }
            let placeholder = tail[...close]
            if placeholder != "{source}", placeholder != "{target}" {
                context.report(
                    .invalidValue, "unknown placeholder '\(placeholder)' in key '\(key.value)'", at: key.range,
                    label: "unknown placeholder", hint: "only {source} and {target} are substituted")
                return
            }
            rest = tail[tail.index(after: close)...]
        }
    }
}
