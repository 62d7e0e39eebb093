import MCDiagnostics
import MCTopology

/// MC212: a gateway-mode link's target has a gateway to reach.
struct GatewayLinksTargetAGateway: ValidationRule {
    let codes: [DiagnosticCode] = [.gatewayTargetWithoutGateway]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        var reported = Set<String>()
        for link in context.crossLinks where link.mode.value == .gateway {
            guard let (_, target) = context.endpoints(of: link), target.gateway == nil,
                  reported.insert(link.source.value + ">" + link.target.value).inserted else { continue }
            diagnostics.append(.noGateway(link, target: target, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func noGateway(_ link: Link, target: Cluster, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .gatewayTargetWithoutGateway,
            "link \(link.source.value) → \(link.target.value) goes through a gateway, but '\(target.name.value)' has none",
            at: link.target.range, label: "no gateway",
            notes: [context.note("cluster '\(target.name.value)' declared here", at: target.name.range)],
            hint: "add 'gateway: {address: …}' to '\(target.name.value)', or use 'mode: remote-discovery' on a flat network")
    }
}
