import MCBasics
import MCPlanning

/// The plan for a terminal or a CI log (SPEC §4): one section per affected cluster with
/// `+ add`, `~ change`, `- destroy`, the object and its reason; then the unified diffs; then
/// drift; then the summary line.
package struct PlanTextView {
    package let style: TerminalStyle

    package init(style: TerminalStyle) {
        self.style = style
    }

    package func render(_ document: PlanDocument) -> String {
        var out = ""
        let byCluster = Dictionary(grouping: document.changes, by: \.cluster)
        let fileOnly = Set(document.files.compactMap { $0.path.split(separator: "/").count > 1 ? String($0.path.split(separator: "/")[0]) : nil })
        for cluster in Set(byCluster.keys).union(fileOnly).sorted() {
            out += style.paint("Cluster \(cluster)", .bold) + "\n"
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
            if changes.isEmpty { out += "  (no object changes; its kustomization, exports or values file changes)\n" }
            out += "\n"
        }
        // The manifest's own diff only restates the others (its digests); it stays in the JSON.
        for file in document.files where !file.diff.isEmpty && file.path != PlanDocument.manifestPath {
            out += colourDiff(file.diff) + "\n"
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
