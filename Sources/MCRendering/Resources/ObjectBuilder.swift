import MCMesh
import MCYAML

/// The shape every rendered object shares: apiVersion, kind, metadata (name, namespace, labels
/// with `app.kubernetes.io/managed-by: mcapply`, annotations; keys sorted), then its own fields.
enum ObjectBuilder {
    static let managedByLabel = ("app.kubernetes.io/managed-by", "mcapply")

    static func object(
        _ id: ResourceID, labels: [(String, String)] = [], annotations: [(String, String)] = [],
        _ fields: [(String, YAMLValue)]
    ) -> YAMLValue {
        var metadata: [(String, YAMLValue)] = [("name", .string(id.name))]
        if let namespace = id.namespace { metadata.append(("namespace", .string(namespace))) }
        metadata.append(("labels", stringMap(labels + [managedByLabel])))
        if !annotations.isEmpty { metadata.append(("annotations", stringMap(annotations))) }
        return .mapping([("apiVersion", .string(id.apiVersion)), ("kind", .string(id.kind.name)), ("metadata", .mapping(metadata))] + fields)
    }

    /// A mapping of strings with sorted keys.
    static func stringMap(_ pairs: [(String, String)]) -> YAMLValue {
        .mapping(pairs.sorted { $0.0 < $1.0 }.map { ($0.0, .string($0.1)) })
    }

    static func strings(_ values: [String]) -> YAMLValue { .sequence(values.map(YAMLValue.string)) }
}
