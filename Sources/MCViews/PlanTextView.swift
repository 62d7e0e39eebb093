import MCBasics
import MCMesh
import MCPlanning

/// The plan for a terminal or a CI log (the README): what the mesh gains and loses, its risks and
/// the warnings; then one section per affected cluster with `+ add`, `~ change`, `- destroy`,
/// the object and its reason; then the unified diffs; then drift; then the summary line.
package struct PlanTextView {
    package let style: TerminalStyle

    package init(style: TerminalStyle) {
        self.style = style
    }

    package func render(_ document: PlanDocument) -> String {
        var out = mesh(document)
        let byCluster = Dictionary(grouping: document.changes, by: \.cluster)
        let fileOnly = Set(document.files.compactMap(\.folder))
        for cluster in Set(byCluster.keys).union(fileOnly).sorted() {
            out += style.paint(cluster == MeshLayout.gitopsFolder ? "GitOps wiring (\(cluster))" : "Cluster \(cluster)", .bold) + "\n"
            let changes = byCluster[cluster] ?? []
            let width = changes.map { objectName($0).count }.max() ?? 0
            for change in changes {
                let (mark, color): (String, TerminalStyle.Color) = switch change.action {
                case .add: ("+ add    ", .green)
                case .change: ("~ change ", .yellow)
                case .destroy: ("- destroy", .red)
                }
                let name = objectName(change)
                out += "  " + style.paint(mark, color) + " " + name + String(repeating: " ", count: width - name.count + 2)
                    + style.paint(change.reason, .cyan) + "\n"
            }
            if changes.isEmpty {
                let files = document.files.filter { $0.folder == cluster }.map { String($0.path.dropFirst(cluster.count + 1)) }
                out += "  (no object changes; " + VisibleText.escaping(files.joined(separator: ", ")) + (files.count == 1 ? " changes)\n" : " change)\n")
            }
            out += "\n"
        }
        // The manifest's own diff only restates the others (its digests); it stays in the JSON. A
        // trust bundle's is lines of base64: the mesh section names its anchors by fingerprint.
        for file in document.files where file.path != PlanDocument.manifestPath {
            let diff = file.diff.text
            guard !diff.isEmpty else { continue }
            if let path = RelativePath(file.path), case .trustRoots? = MeshLayout.object(at: path)?.role, !document.mesh.trust.isEmpty {
                out += style.paint("~~~ \(VisibleText.escaping(document.rendered))/\(VisibleText.escaping(file.path))", .bold)
                    + ": the trust bundle's anchors are listed by fingerprint under Mesh (the PEM diff is in -o json and -o markdown)\n\n"
                continue
            }
            out += colourDiff(diff) + "\n"
        }
        if !document.drift.isEmpty {
            out += style.paint("Drift (changes made outside mcapply):", .boldYellow) + "\n"
            for drift in document.drift {
                out += "  " + style.paint("!", .yellow) + " " + VisibleText.escaping("\(document.rendered)/\(drift.path)") + ": \(drift.detail)\n"
            }
            out += "\n"
        }
        return out + style.paint(document.summaryLine, .bold) + "\n"
    }

    /// The mesh section, the risks and the warnings; empty when there are none.
    private func mesh(_ document: PlanDocument) -> String {
        var out = ""
        let lines = document.meshLines
        if !lines.isEmpty {
            out += style.paint("Mesh", .bold) + "\n"
            for line in lines {
                let color: TerminalStyle.Color = line.hasPrefix("+") ? .green : line.hasPrefix("-") ? .red : .yellow
                out += "  " + style.paint(String(line.prefix(1)), color) + line.dropFirst() + "\n"
            }
            out += "\n"
        }
        if !document.mesh.risks.isEmpty {
            out += style.paint("Risks", .boldYellow) + "\n"
            for risk in document.mesh.risks { out += "  " + style.paint("!", .yellow) + " " + risk.detail + "\n" }
            out += "\n"
        }
        let warnings = document.diagnostics.filter { $0.severity != "error" }
        if !warnings.isEmpty {
            out += style.paint("Warnings", .boldYellow) + "\n"
            for record in warnings {
                out += "  \(VisibleText.escaping(record.file)):\(record.line):\(record.column): \(record.severity)[\(record.code)]: "
                    + VisibleText.escaping(record.message) + "\n"
            }
            out += "\n"
        }
        return out
    }

    private func objectName(_ change: PlanDocument.Change) -> String {
        "\(change.kind) " + (change.namespace.map { "\($0)/" } ?? "") + change.name
    }

    /// Each line with its control characters escaped (a committed file may hold anything), then coloured.
    private func colourDiff(_ diff: String) -> String {
        // Split only when some line needs it: a first plan's diffs are the whole render.
        let escaped = !VisibleText.needsEscaping(diff, allowingLineFeeds: true) ? diff
            : diff.split(separator: "\n", omittingEmptySubsequences: false).map { VisibleText.escaping(String($0)) }.joined(separator: "\n")
        guard style.isEnabled else { return escaped }
        return escaped.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            if line.hasPrefix("+++") || line.hasPrefix("---") { return style.paint(String(line), .bold) }
            if line.hasPrefix("@@") { return style.paint(String(line), .cyan) }
            if line.hasPrefix("+") { return style.paint(String(line), .green) }
            if line.hasPrefix("-") { return style.paint(String(line), .red) }
            return String(line)
        }.joined(separator: "\n")
    }
}
