import Foundation
import MCBasics
import MCPlanning

/// The plan as a pull-request comment: the summary, a table per cluster, each cluster's changes
/// and diffs in a collapsible block, drift, and a Mermaid graph of the mesh. Never longer than
/// `limit` characters: it keeps the summary and the tables and says what it left out.
package struct PlanMarkdownView {
    package var limit = 65_000

    package init(limit: Int = 65_000) {
        self.limit = limit
    }

    package func render(_ document: PlanDocument) -> String {
        if document.diagnostics.contains(where: { $0.severity == "error" }) { return invalid(document) }
        var head = "### mcplan\n\n**\(document.summaryLine)**\n\n"
        let clusters = affectedClusters(document)
        if !clusters.isEmpty {
            head += "| cluster | add | change | destroy |\n|---|---:|---:|---:|\n"
            for cluster in clusters {
                let changes = document.changes.filter { $0.cluster == cluster }
                head += "| `\(cluster)` | \(changes.filter { $0.action == .add }.count) | \(changes.filter { $0.action == .change }.count)"
                    + " | \(changes.filter { $0.action == .destroy }.count) |\n"
            }
            head += "\n"
        }
        if !document.drift.isEmpty {
            head += "**Drift** (changes made outside mcapply):\n\n"
            for drift in document.drift { head += "- `\(document.rendered)/\(drift.path)`: \(drift.detail)\n" }
            head += "\n"
        }
        let graph = mermaid(document)
        var sections = clusters.map { section(for: $0, in: document) }
        var omitted: [String] = []
        func total() -> Int { head.count + graph.count + sections.joined().count + note(omitted).count }
        // Drop the largest sections first until the comment fits; the summary and tables stay.
        while total() > limit, let largest = sections.indices.max(by: { sections[$0].count < sections[$1].count }), !sections[largest].isEmpty {
            omitted.append(clusters[largest])
            sections[largest] = ""
        }
        var out = head + sections.joined() + note(omitted) + graph
        if out.count > limit { out = String(head.prefix(limit - 200)) + "\n\n_The plan was cut to fit a comment; run `mcplan` for all of it._\n" }
        return out
    }

    /// An invalid topology: the diagnostics, so the pull request shows what to fix.
    private func invalid(_ document: PlanDocument) -> String {
        var listed = ""
        let visible = VisibleText.escaping
        for record in document.diagnostics {
            listed += "\(visible(record.file)):\(record.line):\(record.column): \(record.severity)[\(record.code)]: \(visible(record.message))\n"
            if let hint = record.hint { listed += "    hint: \(visible(hint))\n" }
        }
        if listed.count > limit - 200 { listed = String(listed.prefix(limit - 300)) + "\n… (cut; run mcplan for every diagnostic)\n" }
        // User text stays inside a fence it cannot close.
        let fence = VisibleText.fence(for: listed)
        return "### mcplan\n\n**The topology is invalid; nothing can be planned.**\n\n\(fence)\n" + listed + fence + "\n"
    }

    private func affectedClusters(_ document: PlanDocument) -> [String] {
        let fromFiles = document.files.compactMap { $0.path.contains("/") ? String($0.path.split(separator: "/")[0]) : nil }
        return Set(document.changes.map(\.cluster) + fromFiles).sorted()
    }

    private func section(for cluster: String, in document: PlanDocument) -> String {
        let changes = document.changes.filter { $0.cluster == cluster }
        let counts = PlanSummary.counts(add: changes.filter { $0.action == .add }.count, change: changes.filter { $0.action == .change }.count,
                                        destroy: changes.filter { $0.action == .destroy }.count)
        var out = "<details><summary><code>\(cluster)</code>: \(counts)</summary>\n\n"
        if !changes.isEmpty {
            out += "| | object | reason |\n|---|---|---|\n"
            for change in changes {
                let mark = switch change.action { case .add: "➕"; case .change: "✏️"; case .destroy: "➖" }
                let name = "\(change.kind) " + (change.namespace.map { "\($0)/" } ?? "") + change.name
                out += "| \(mark) | `\(name)` | \(escape(change.reason)) |\n"
            }
            out += "\n"
        }
        let diffs = document.files.filter { $0.path.hasPrefix(cluster + "/") && !$0.diff.isEmpty }.map(\.diff)
        if !diffs.isEmpty {
            let text = diffs.joined()
            let fence = VisibleText.fence(for: text)
            out += fence + "diff\n" + text + fence + "\n\n"
        }
        return out + "</details>\n\n"
    }

    private func note(_ omitted: [String]) -> String {
        guard !omitted.isEmpty else { return "" }
        return "_Left out to stay under \(limit) characters: the details and diffs of "
            + omitted.sorted().map { "`\($0)`" }.joined(separator: ", ") + ". Run `mcplan` for the whole plan._\n\n"
    }

    /// `graph LR` of the clusters and their links, added, removed and changed links marked.
    private func mermaid(_ document: PlanDocument) -> String {
        guard !document.clusters.isEmpty else { return "" }
        var ids: [String: String] = [:]
        for (index, cluster) in document.clusters.enumerated() { ids[cluster] = "c\(index)" }
        var out = "```mermaid\ngraph LR\n"
        for cluster in document.clusters { out += "  \(ids[cluster]!)[\"\(cluster)\"]\n" }
        for link in document.links {
            guard let source = ids[link.source], let target = ids[link.target] else { continue }
            switch link.status {
            case "added": out += "  \(source) ==>|added| \(target)\n"
            case "removed": out += "  \(source) -.->|removed| \(target)\n"
            case "changed": out += "  \(source) ==>|changed| \(target)\n"
            default: out += "  \(source) --> \(target)\n"
            }
        }
        return out + "```\n"
    }

    private func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
