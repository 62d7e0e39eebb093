import MCDiagnostics
import MCTopology

/// MC210: a cluster does not link to itself.
struct LinksDoNotTargetTheirSource: ValidationRule {
    let codes: [DiagnosticCode] = [.selfLink]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        for link in context.topology.links where link.source.value == link.target.value {
            diagnostics.append(.selfLink(link, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func selfLink(_ link: Link, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .selfLink, "cluster '\(link.source.value)' links to itself", at: link.target.range,
            label: "same as the source", hint: "a cluster reaches its own services directly; remove this link")
    }
}
