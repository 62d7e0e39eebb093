import MCDiagnostics
import MCTopology
import MCYAML

extension TopologyLoader {
    static let splitFields = ["cluster", "namespace", "service", "port", "name", "routeAPI", "backends", "failover"]
    static let backendFields = ["service", "cluster", "federated", "weight"]

    static func loadSplits(_ root: Fields, context: LoadContext) -> [Split] {
        entries(root, "splits").compactMap { entry in
            var split: Split?
            let clean = context.isClean { split = loadSplit(entry, context: context) }
            split?.isComplete = clean
            return split
        }
    }

    private static func loadSplit(_ entry: YAMLNode, context: LoadContext) -> Split? {
        guard let fields = Fields(entry, field: "split", owner: "a split", allowed: splitFields, context: context)
        else { return nil }
        let cluster = fields.requiredString("cluster")
        let namespace = fields.requiredString("namespace")
        let service = fields.requiredString("service")
        let port = port(fields, "port", context: context)
        let name = fields.string("name")
        let routeAPI = fields.choice("routeAPI", RouteAPI.self)
        let backends = loadBackends(fields, context: context)
        let failover = fields.node("failover").flatMap { loadFailover($0, context: context) }
        guard let cluster, let namespace, let service, let backends else { return nil }
        return Split(cluster: cluster, namespace: namespace, service: service, port: port, name: name,
                     routeAPI: routeAPI, backends: backends, failover: failover, range: entry.range)
    }

    private static func loadBackends(_ split: Fields, context: LoadContext) -> [Backend]? {
        guard split.has("backends") else {
            split.missing("backends", hint: "add 'backends:' with at least one '- service: <name>'")
            return nil
        }
        guard let items = split.items("backends") else { return nil }
        if items.isEmpty {
            context.report(.invalidValue, "a split needs at least one backend", at: split.node("backends")!.range,
                           label: "empty list", hint: "add '- service: <name>' entries")
            return nil
        }
        let backends = items.compactMap { item -> Backend? in
            guard let fields = Fields(item, field: "backend", owner: "a backend", allowed: backendFields, context: context),
                  let service = fields.requiredString("service")
            else { return nil }
            let cluster = fields.string("cluster")
            let federated = fields.bool("federated")
            if cluster != nil, federated?.value == true {
                context.report(.invalidValue, "a backend is either remote ('cluster') or federated, not both",
                               at: fields.keyRange("federated")!, label: "second form",
                               hint: "remove 'cluster' to use the federated service, or 'federated' for one cluster's mirror")
            }
            return Backend(service: service, cluster: cluster, federated: federated,
                           weight: weight(fields, context: context), range: item.range)
        }
        return backends.count == items.count ? backends : nil
    }

    /// An integer or a quantity string (`500m`, `"1"`).
    private static func weight(_ fields: Fields, context: LoadContext) -> Located<Weight>? {
        guard let node = fields.node("weight") else { return nil }
        guard let scalar = node.scalar, case let resolved = scalar.resolved, resolved != .null,
              !(resolved == .bool(true) || resolved == .bool(false))
        else {
            context.wrongType(node, field: "weight", expected: "an integer or a quantity", hint: "write e.g. 50 or 500m")
            return nil
        }
        if case .int(let value) = resolved { return Located(Weight(amount: value, isMilli: false), at: node.range) }
        guard let weight = ValueFormat.quantity(scalar.text) else {
            context.report(.invalidValue, "malformed weight '\(scalar.text)'", at: node.range,
                           label: "not an integer or milli quantity",
                           hint: "write an integer (50) or an integer followed by m (500m)")
            return nil
        }
        return Located(weight, at: node.range)
    }

    private static func loadFailover(_ node: YAMLNode, context: LoadContext) -> Failover? {
        guard let fields = Fields(node, field: "failover", owner: "the failover", allowed: ["primary"], context: context),
              let primary = fields.requiredString("primary")
        else { return nil }
        return Failover(primary: primary, range: node.range)
    }
}
