import MCBasics
import MCDiagnostics
import MCTopology

/// MC305: neither the topology nor a file it references holds private keys, kubeconfig
/// credentials or tokens. What was found is described, never shown.
struct NoSecretMaterial: ValidationRule {
    let codes: [DiagnosticCode] = [.secretMaterial]
    static let hint = "remove it: the topology and everything it references end up in git; keep keys and credentials in a secret store"

    func check(_ context: ValidationContext, into diagnostics: inout [Diagnostic]) {
        var reportedLines = Set<Int>()
        if let source = context.input.source {
            let lines = (0..<source.lineCount).map { source.line($0 + 1)! }
            for finding in SecretMaterial.findings(in: lines) {
                let start = SourcePosition(line: finding.line, column: finding.column)
                diagnostics.append(.secretInTopology(finding.kind, at: SourceRange(start: start, end: start), in: context))
                reportedLines.insert(finding.line)
            }
        }
        // Values whose material only shows once YAML has read them (escapes, folding, flow style,
        // JSON), unless a line of theirs was reported already.
        for value in context.input.secretValues
        where !value.lines.contains(where: reportedLines.contains) {
            diagnostics.append(.secretInTopology(value.kind, at: value.range, in: context))
            reportedLines.insert(value.range.start.line)
        }
        for path in context.referencingNodes.keys.sorted() {
            guard case .text(let text) = context.input.files[path] else { continue }
            let findings = SecretMaterial.findings(in: Lines.splitOnYAMLBreaks(text))
            guard let first = findings.first else { continue }
            for node in context.referencingNodes[path]! {
                diagnostics.append(.secretInFile(path, first, at: node, in: context))
            }
        }
    }
}

extension Diagnostic {
    fileprivate static func secretInTopology(_ kind: SecretMaterial, at range: SourceRange, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(.secretMaterial, "\(kind.rawValue) in the topology", at: range, label: "secret material", hint: NoSecretMaterial.hint)
    }

    fileprivate static func secretInFile(_ path: String, _ finding: SecretMaterial.Finding, at node: SourceRange, in context: ValidationContext) -> Diagnostic {
        context.diagnostic(
            .secretMaterial, "'\(path)' holds \(finding.kind.rawValue) (line \(finding.line))", at: node,
            label: "file with secret material", hint: NoSecretMaterial.hint)
    }
}

extension ValidationContext {
    /// Every `file:` value node, by the path as written.
    var referencingNodes: [String: [SourceRange]] {
        let sources = topology.trustAnchors.compactMap(\.source) + topology.clusters.compactMap(\.issuer)
        var nodes: [String: [SourceRange]] = [:]
        for source in sources {
            if case .file(let path) = source { nodes[path.value, default: []].append(path.range) }
        }
        return nodes
    }
}
