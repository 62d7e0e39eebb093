import MCDiagnostics
import MCTopology

/// MC211: each directional link is declared once, after `between`, `mesh` and lists expand.
struct LinksAreDeclaredOnce: ValidationRule {
    let codes: [DiagnosticCode] = [.duplicateLink]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        var firsts: [String: Link] = [:]
        for link in context.crossLinks {
            let key = link.source.value + "\0" + link.target.value
            guard let first = firsts[key] else {
                firsts[key] = link
                continue
            }
            diagnostics.append(.linkTwice(link, first: first, in: context))
        }
    }
}

extension Diagnostic {
    fileprivate static func linkTwice(_ link: Link, first: Link, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .duplicateLink, "the link \(link.source.value) → \(link.target.value) is declared twice",
            at: link.declaration, label: "declared again",
            notes: [context.note("first declared here", at: first.declaration)],
            hint: "remove one of them; 'between' and 'mesh' already link both directions")
    }
}
