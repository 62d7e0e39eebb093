import Foundation
import MCBasics
import MCPlanning

/// The plan as a pull-request comment. First what is never cut: a hidden marker a bot can find
/// (`<!-- mcplan: <topology> -->`), the header with the topology and the base, the summary, a
/// note of anything left out, the mesh section, the risks, the warnings, a table of clusters and
/// each cluster's objects. Then what can go to stay under `limit` characters: the diffs, the
/// clusters with the most changes kept longest, then the Mermaid graph of the mesh.
package struct PlanMarkdownView {
    package var limit = 65_000
    /// Where the repository's files are browsed at this commit (`…/blob/<sha>/`), from
    /// `MCPLAN_SOURCE_URL`: each diagnostic then links to its line.
    package var sourceURL: String?

    package init(limit: Int = 65_000, sourceURL: String? = nil) {
        self.limit = limit
        self.sourceURL = sourceURL.flatMap { $0.isEmpty ? nil : ($0.hasSuffix("/") ? $0 : $0 + "/") }
    }

    /// The marker the comment starts with, so a bot can find and update its own comment.
    package static func marker(topology: String) -> String {
        "<!-- mcplan: \(topology.replacingOccurrences(of: "--", with: "-\u{200B}-")) -->"
    }

    package func render(_ document: PlanDocument) -> String {
        if document.diagnostics.contains(where: { $0.severity == "error" }) { return invalid(document) }
        // Each cluster's changes and files, grouped once: a first plan has tens of thousands of
        // each over hundreds of clusters.
        let changesOf = Dictionary(grouping: document.changes, by: \.cluster)
        var filesOf = Dictionary(grouping: document.files) { $0.folder ?? "" }
        filesOf[""] = nil
        let clusters = Set(changesOf.keys).union(filesOf.keys).sorted()
        var fixed = mesh(document) + warnings(document)
        if !clusters.isEmpty {
            fixed += "| cluster | add | change | destroy |\n|---|---:|---:|---:|\n"
            for cluster in clusters {
                let changes = changesOf[cluster] ?? []
                fixed += "| `\(cluster)` | \(changes.filter { $0.action == .add }.count) | \(changes.filter { $0.action == .change }.count)"
                    + " | \(changes.filter { $0.action == .destroy }.count) |\n"
            }
            fixed += "\n"
        }
        var tables = clusters.map { table(for: $0, changes: changesOf[$0] ?? []) }
        var drift = ""
        if !document.drift.isEmpty {
            drift += "**Drift** (changes made outside mcapply):\n\n"
            for item in document.drift { drift += "- `\(document.rendered)/\(item.path)`: \(item.detail)\n" }
            drift += "\n"
        }
        // Ranked: the clusters with the most changes (objects and files) keep their diffs longest.
        let weights = clusters.map { (changesOf[$0]?.count ?? 0) + (filesOf[$0]?.count ?? 0) }
        let ranked = clusters.indices.sorted { a, b in
            weights[a] != weights[b] ? weights[a] > weights[b] : clusters[a] < clusters[b]
        }
        // Made on all cores: each diff is made from both sides' bytes when read.
        var diffs = Parallel.map(clusters.count) { [filesOf] in diff(for: clusters[$0], files: filesOf[clusters[$0]] ?? []) }
        let graph = mermaid(document)
        var withoutDiffs: [String] = []
        var withoutTables: [String] = []
        var keepGraph = true
        // Sizes in UTF-8 bytes (never fewer than characters), counted once: a large plan's diffs
        // are megabytes.
        let head = header(document)
        var size = head.utf8.count + fixed.utf8.count + drift.utf8.count + graph.utf8.count
            + tables.reduce(0) { $0 + $1.utf8.count } + diffs.reduce(0) { $0 + $1.utf8.count }
        func total() -> Int { size + note(withoutDiffs, withoutTables, graph: keepGraph || graph.isEmpty).utf8.count }
        for index in ranked.reversed() where total() > limit && !diffs[index].isEmpty {
            size -= diffs[index].utf8.count
            diffs[index] = ""
            withoutDiffs.append(clusters[index])
        }
        if total() > limit, !graph.isEmpty {
            size -= graph.utf8.count
            keepGraph = false
        }
        for index in ranked.reversed() where total() > limit && !tables[index].isEmpty {
            size -= tables[index].utf8.count
            tables[index] = ""
            withoutTables.append(clusters[index])
        }
        let out = head + note(withoutDiffs, withoutTables, graph: keepGraph || graph.isEmpty) + fixed + tables.joined() + drift
            + diffs.joined() + (keepGraph ? graph : "")
        return out.utf8.count <= limit ? out : Self.cut(out, to: limit)
    }

    /// The last resort, when even the summary, mesh and tables are over the limit: cut at a line.
    private static func cut(_ text: String, to limit: Int) -> String {
        let ending = "\n_… cut to fit a comment; run `mcplan` for the whole plan._\n"
        var bytes = Array(text.utf8.prefix(max(0, limit - ending.utf8.count)))
        while let last = bytes.last, last != UInt8(ascii: "\n") { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self) + ending
    }

    private func header(_ document: PlanDocument) -> String {
        let base = document.base.commit.map { "`\($0.prefix(12))`" } ?? "an empty base"
        return Self.marker(topology: document.topology.path) + "\n### mcplan: `\(code(document.topology.path))` against \(base)\n\n"
            + "**\(document.summaryLine)**\n\n"
    }

    private func mesh(_ document: PlanDocument) -> String {
        var out = ""
        // Never more lines than the comment has characters: past that, the comment is cut within
        // them (each line is several characters), so the lines beyond are not worded.
        let lines = document.meshLines(limit: limit)
        if !lines.isEmpty {
            out += "#### Mesh\n\n"
            for line in lines {
                let mark = switch line.first { case "+": "➕"; case "-": "➖"; case "!": "🔑"; default: "✏️" }
                out += "- \(mark) \(inline(String(line.dropFirst(2))))\n"
            }
            out += "\n"
        }
        if !document.mesh.risks.isEmpty {
            out += "#### Risks\n\n"
            for risk in document.mesh.risks { out += "- ⚠️ \(inline(risk.detail))\n" }
            out += "\n"
        }
        return out
    }

    /// Warnings in a collapsible block, each with its place in the repository.
    private func warnings(_ document: PlanDocument) -> String {
        let warnings = document.diagnostics.filter { $0.severity != "error" }
        guard !warnings.isEmpty else { return "" }
        let listed = warnings.map(diagnosticLine).joined()
        let fence = VisibleText.fence(for: listed)
        return "<details><summary>⚠️ \(warnings.count) warning\(warnings.count == 1 ? "" : "s") "
            + "(\(Set(warnings.map(\.code)).sorted().joined(separator: ", ")))</summary>\n\n\(fence)\n\(listed)\(fence)\n\n</details>\n\n"
    }

    private func diagnosticLine(_ record: DiagnosticRecord) -> String {
        let visible = VisibleText.escaping
        var line = "\(visible(record.file)):\(record.line):\(record.column): \(record.severity)[\(record.code)]: \(visible(record.message))\n"
        if let hint = record.hint { line += "    hint: \(visible(hint))\n" }
        return line
    }

    /// An invalid topology: the diagnostics, so the pull request shows what to fix (each linked
    /// to its line when the source URL is known).
    private func invalid(_ document: PlanDocument) -> String {
        var links = ""
        if let sourceURL {
            for record in document.diagnostics where !record.file.hasPrefix("<") {
                let path = record.file.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? record.file
                links += "- [\(inline(VisibleText.escaping(record.file))):\(record.line):\(record.column)](\(sourceURL)\(path)#L\(record.line)) "
                    + "\(record.severity) \(record.code)\n"
            }
            if !links.isEmpty { links += "\n" }
        }
        var listed = document.diagnostics.map(diagnosticLine).joined()
        if listed.count > limit - 400 { listed = String(listed.prefix(limit - 500)) + "\n… (cut; run mcplan for every diagnostic)\n" }
        // User text stays inside a fence it cannot close.
        let fence = VisibleText.fence(for: listed)
        return Self.marker(topology: document.topology.path) + "\n### mcplan: `\(code(document.topology.path))`\n\n"
            + "**The topology is invalid; nothing can be planned.**\n\n" + (links.utf8.count < limit / 4 ? links : "") + "\(fence)\n" + listed + fence + "\n"
    }

    private func table(for cluster: String, changes: [PlanDocument.Change]) -> String {
        guard !changes.isEmpty else { return "" }
        let counts = PlanSummary.counts(add: changes.filter { $0.action == .add }.count, change: changes.filter { $0.action == .change }.count,
                                        destroy: changes.filter { $0.action == .destroy }.count)
        var out = "<details><summary><code>\(cluster)</code>: \(counts)</summary>\n\n| | object | reason |\n|---|---|---|\n"
        for change in changes {
            let mark = switch change.action { case .add: "➕"; case .change: "✏️"; case .destroy: "➖" }
            let name = "\(change.kind) " + (change.namespace.map { "\($0)/" } ?? "") + change.name
            out += "| \(mark) | `\(name)` | \(inline(change.reason)) |\n"
        }
        return out + "\n</details>\n\n"
    }

    private func diff(for cluster: String, files: [PlanDocument.File]) -> String {
        let diffs = files.map(\.diff.text).filter { !$0.isEmpty }
        guard !diffs.isEmpty else { return "" }
        let text = diffs.joined()
        let fence = VisibleText.fence(for: text)
        return "<details><summary>diff of <code>\(cluster)</code></summary>\n\n" + fence + "diff\n" + text + fence + "\n\n</details>\n\n"
    }

    private func note(_ withoutDiffs: [String], _ withoutTables: [String], graph: Bool) -> String {
        var parts: [String] = []
        if !withoutDiffs.isEmpty { parts.append("the diffs of " + withoutDiffs.sorted().map { "`\($0)`" }.joined(separator: ", ")) }
        if !graph { parts.append("the graph of the mesh") }
        if !withoutTables.isEmpty { parts.append("the object tables of " + withoutTables.sorted().map { "`\($0)`" }.joined(separator: ", ")) }
        guard !parts.isEmpty else { return "" }
        return "_Left out to stay under \(limit) characters: " + parts.joined(separator: "; ") + ". Run `mcplan` for the whole plan._\n\n"
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

    /// Text inside a table cell or list item: pipes escaped, and no markup of its own.
    private func inline(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: "`", with: "'")
    }

    private func code(_ text: String) -> String {
        VisibleText.escaping(text).replacingOccurrences(of: "`", with: "'")
    }
}
