import MCDiagnostics
import MCMesh
import MCTopology

/// MC223: a split rendered as an HTTPRoute names the port its parent and backends use.
struct RoutesHaveAPort: ValidationRule {
    let codes: [DiagnosticCode] = [.missingSplitPort]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for split in context.topology.splits where split.isComplete {
            guard case .route(let api, port: nil) = SplitForm(split, settings: context.topology.settings) else { continue }
            diagnostics.append(.missingPort(split, api: api, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func missingPort(_ split: Split, api: RouteAPI, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .missingSplitPort, "the split of '\(split.service.value)' renders as an HTTPRoute (\(api.rawValue)), which needs 'port'",
            at: split.range, label: "'port' missing",
            hint: "add 'port: <the service port>', or set 'routeAPI: split.smi-spec.io/v1alpha2' on this split")
    }
}
