import MCDiagnostics
import MCTopology
import MCYAML

extension TopologyLoader {
    static let exportFields = ["cluster", "namespace", "service", "services", "mode"]

    static func loadExports(_ root: Fields, context: LoadContext) -> [Export] {
        entries(root, "exports").compactMap { entry in
            guard let fields = Fields(entry, field: "export", owner: "an export", allowed: exportFields, context: context)
            else { return nil }
            let cluster = fields.requiredString("cluster")
            let namespace = fields.requiredString("namespace")
            let mode = fields.has("mode") ? fields.choice("mode", ExportMode.self) : Located(.gateway, at: entry.range)
            let services = serviceList(fields, context: context)
            guard let cluster, let namespace, let mode, let services else { return nil }
            return Export(cluster: cluster, namespace: namespace, services: services, mode: mode, range: entry.range)
        }
    }

    /// `service: x` or `services: [x, y]`, not both.
    private static func serviceList(_ fields: Fields, context: LoadContext) -> [Located<String>]? {
        switch (fields.has("service"), fields.has("services")) {
        case (true, true):
            context.report(.invalidValue, "an export has either 'service' or 'services', not both",
                           at: fields.keyRange("services")!, label: "second form",
                           hint: "move the service into the 'services' list")
            return nil
        case (false, false):
            fields.missing("services", hint: "add 'services: [<service>]' or 'service: <service>'")
            return nil
        case (true, false):
            return fields.string("service").map { [$0] }
        case (false, true):
            guard let services = fields.strings("services") else { return nil }
            if services.isEmpty {
                context.report(.invalidValue, "an export needs at least one service", at: fields.node("services")!.range,
                               label: "empty list", hint: "list the services to export, or remove the export")
                return nil
            }
            return services
        }
    }
}
