import MCDiagnostics
import MCTopology

/// MC201: each cluster and trust anchor is declared once; each service is exported once per
/// cluster and namespace; each apex (and each split object name) is split once per cluster and
/// namespace.
struct DefinitionsAreUnique: ValidationRule {
    let codes: [DiagnosticCode] = [.duplicateDefinition]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        // Keys are the names joined by NUL (a name holding one is already invalid, MC200); what is
        // repeated is worded only for a repeat (a fleet checks hundreds of thousands of exports).
        var firsts: [String: SourceRange] = [:]
        func once(_ key: String, _ what: @autoclosure () -> String, at range: SourceRange, hint: String) {
            guard let first = firsts[key] else {
                firsts[key] = range
                return
            }
            diagnostics.append(.declaredTwice(what(), at: range, first: first, hint: hint, in: context))
        }
        let topology = context.topology
        for cluster in topology.clusters {
            once("cluster\0" + cluster.name.value, "cluster '\(cluster.name.value)'", at: cluster.name.range,
                 hint: "rename one of them or merge the two entries")
        }
        for anchor in topology.trustAnchors {
            once("anchor\0" + anchor.name.value, "trust anchor '\(anchor.name.value)'", at: anchor.name.range,
                 hint: "rename one of them or remove the copy")
        }
        // A Service may be exported through the gateway and as a federated member at once (the
        // two labels are independent); any other repeat would fight over one label.
        var exportModes: [String: [(ExportMode, SourceRange)]] = [:]
        for export in topology.exports {
            let place = export.cluster.value + "\0" + export.namespace.value + "\0"
            for service in export.services {
                let key = place + service.value
                let mode = export.mode.value
                guard let previous = exportModes[key] else {
                    exportModes[key] = [(mode, service.range)]
                    continue
                }
                exportModes[key]!.append((mode, service.range))
                guard let (_, first) = previous.first(where: { previous, _ in Set([previous, mode]) != [.gateway, .federated] }) else { continue }
                diagnostics.append(.declaredTwice(
                    "the export of '\(service.value)' in '\(export.cluster.value)/\(export.namespace.value)'", at: service.range,
                    first: first, hint: "export each service once, in one mode (gateway and federated together are fine)", in: context))
            }
        }
        for split in topology.splits {
            let place = "\(split.cluster.value)/\(split.namespace.value)"
            once("apex\0" + split.cluster.value + "\0" + split.namespace.value + "\0" + split.service.value,
                 "a split of '\(split.service.value)' in '\(place)'", at: split.service.range,
                 hint: "merge the backends into one split; an apex service can be split only once")
            once("split\0" + split.cluster.value + "\0" + split.namespace.value + "\0" + split.objectName,
                 "split name '\(split.objectName)' in '\(place)'", at: split.name?.range ?? split.service.range,
                 hint: "give each split its own 'name'")
        }
    }
}

extension Diagnostic {
    fileprivate static func declaredTwice(_ what: String, at range: SourceRange, first: SourceRange, hint: String, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .duplicateDefinition, "\(what) is declared twice", at: range, label: "declared again",
            notes: [context.note("first declared here", at: first)], hint: hint)
    }
}
