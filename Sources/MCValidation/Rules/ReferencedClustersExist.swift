import MCDiagnostics
import MCTopology

/// MC202: every cluster named by a link, export, split, backend or GitOps destination is declared.
struct ReferencedClustersExist: ValidationRule {
    let codes: [DiagnosticCode] = [.unknownCluster]

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        let known = context.topology.clusters.map(\.name.value)
        var seen = Set<SourceRange>()
        var reported = 0
        func require(_ name: Located<String>, _ role: String) {
            guard context.clusters[name.value] == nil, seen.insert(name.range).inserted else { return }
            // Only the diagnostics that will be kept get a suggestion: each costs a pass over every cluster.
            reported += 1
            let suggestion = reported <= Diagnostics.perCode ? Suggestion(for: name.value, among: known) : .none
            diagnostics.append(.unknownCluster(name, role, suggestion: suggestion, in: context))
        }
        for link in context.topology.links {
            require(link.source, "link source")
            require(link.target, "link target")
        }
        for export in context.topology.exports { require(export.cluster, "export cluster") }
        for split in context.topology.splits {
            require(split.cluster, "split cluster")
            for backend in split.backends {
                if let cluster = backend.cluster { require(cluster, "backend cluster") }
            }
        }
        for destination in context.topology.settings.gitops?.destinations ?? [] { require(destination.cluster, "gitops destination") }
    }
}

extension Diagnostic {
    fileprivate static func unknownCluster(_ name: Located<String>, _ role: String, suggestion: Suggestion, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .unknownCluster, "\(role) '\(name.value)' is not a cluster" + suggestion.didYouMean, at: name.range, label: "not a cluster",
            hint: suggestion.hint({ "write '\($0)'" }, otherwise: "declare '\(name.value)' under 'clusters:' or fix the name"))
    }
}
