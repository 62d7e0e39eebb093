import MCDiagnostics
import MCTopology
import MCYAML

/// What loading produced: the model (nil only when the document is not a topology at all) and
/// every problem found on the way.
package struct LoadResult: Sendable {
    package var topology: Topology?
    package var diagnostics: [Diagnostic]
    /// Diagnostics left out by the bounds of `Diagnostics`, by code.
    package var omitted: [DiagnosticCode: Int] = [:]
}

/// YAMLNode → `Topology`: the whole format of docs/topology.md, all diagnostics of the file at once.
package enum TopologyLoader {
    package static let apiVersion = "mcplan/v1"
    package static let kind = "Topology"

    static let topLevelFields = ["apiVersion", "kind", "settings", "trustAnchors", "clusters", "links", "exports", "splits"]

    package static func load(_ root: YAMLNode, path: String) -> LoadResult {
        let context = LoadContext(path: path)
        guard let fields = Fields(root, field: "topology", owner: "the topology", allowed: topLevelFields, context: context)
        else {
            return LoadResult(topology: nil, diagnostics: context.diagnostics, omitted: context.collected.omitted)
        }
        checkHeader(fields, context: context)
        let settings = loadSettings(fields, context: context)
        var topology = Topology(path: path, settings: settings)
        func section(_ section: Topology.Section, _ load: () -> Void) {
            if !context.isClean(load) { topology.incompleteSections.insert(section) }
        }
        section(.trustAnchors) { topology.trustAnchors = loadTrustAnchors(fields, context: context) }
        section(.clusters) {
            if fields.has("clusters") {
                topology.clusters = loadClusters(fields, settings: settings, context: context)
            } else {
                fields.missing("clusters", hint: "add 'clusters:' with one entry per Kubernetes cluster")
            }
        }
        section(.links) { topology.links = loadLinks(fields, context: context) }
        section(.exports) { topology.exports = loadExports(fields, context: context) }
        section(.splits) { topology.splits = loadSplits(fields, context: context) }
        return LoadResult(topology: topology, diagnostics: context.diagnostics, omitted: context.collected.omitted)
    }

    private static func checkHeader(_ fields: Fields, context: LoadContext) {
        for (key, expected) in [("apiVersion", apiVersion), ("kind", kind)] {
            guard fields.has(key) else {
                fields.missing(key, hint: "add '\(key): \(expected)' at the top of the file")
                continue
            }
            guard let value = fields.string(key), value.value != expected else { continue }
            context.report(.unsupportedVersion, "unsupported \(key) '\(value.value)'", at: value.range,
                           label: "expected '\(expected)'", hint: "write '\(key): \(expected)'")
        }
    }

    /// Each entry of a top-level list, or nothing when the field is absent or not a list.
    static func entries(_ fields: Fields, _ key: String) -> [YAMLNode] {
        fields.items(key) ?? []
    }
}
