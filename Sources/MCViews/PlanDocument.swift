import MCDiagnostics
import MCPipeline
import MCPlanning

/// The plan as one versioned document (`schema/plan.schema.json`), built once; every view reads
/// this. Diagnostics are in it even when validation failed (and the plan is then empty).
package struct PlanDocument: Codable, Sendable {
    package struct Tool: Codable, Sendable {
        package var name: String
        package var version: String
    }

    package struct TopologyRef: Codable, Sendable {
        package var path: String
        /// Nil when the topology has errors.
        @NullWhenNil package var digest: String?
    }

    package struct Base: Codable, Sendable {
        /// Nil on an unborn branch.
        @NullWhenNil package var commit: String?
        /// The rendered folder's tree id at the base commit; nil when it does not exist there.
        @NullWhenNil package var renderedTree: String?

        package init(commit: String?, renderedTree: String?) {
            self.commit = commit
            self.renderedTree = renderedTree
        }
    }

    package struct Summary: Codable, Sendable {
        package var add: Int
        package var change: Int
        package var destroy: Int
        /// Clusters with changes.
        package var clusters: Int
        package var hasChanges: Bool
    }

    package struct Change: Codable, Sendable {
        package var cluster: String
        package var action: Plan.Action
        package var apiVersion: String
        package var kind: String
        @NullWhenNil package var namespace: String?
        package var name: String
        package var path: String
        package var reason: String
    }

    package struct File: Codable, Sendable {
        package var path: String
        package var action: Plan.Action
        /// Made as it is written (`DeferredText`).
        package var diff: DeferredText

        /// The folder at the top of its path (a cluster's, or the GitOps wiring's); nil for a file
        /// of the rendered folder itself (`.mcapply.json`).
        package var folder: String? { path.firstIndex(of: "/").map { String(path[..<$0]) } }
    }

    package struct Drift: Codable, Sendable {
        package var path: String
        package var kind: Plan.Drift.Kind
        package var detail: String
    }

    package struct Link: Codable, Sendable {
        package var source: String
        package var target: String
        package var status: String
    }

    package static let currentFormatVersion = "1.1"
    /// `.mcapply.json`, whose diff views leave out.
    package static let manifestPath = ".mcapply.json"

    package var formatVersion = PlanDocument.currentFormatVersion
    package var tool: Tool
    package var topology: TopologyRef
    /// The rendered folder's path relative to the repository root.
    package var rendered: String
    package var base: Base
    package var summary: Summary
    package var changes: JSONList<Change>
    package var files: JSONList<File>
    package var drift: JSONList<Drift>
    package var clusters: [String]
    package var links: JSONList<Link>
    /// What the mesh gains and loses (empty when nothing changes or the topology is invalid).
    package var mesh: Mesh
    package var diagnostics: [DiagnosticRecord]

    package init(
        toolName: String, toolVersion: String, topologyPath: String, topologyDigest: String?, rendered: String,
        base: Base, plan: Plan?, diagnostics: [Diagnostic]
    ) {
        tool = Tool(name: toolName, version: toolVersion)
        topology = TopologyRef(path: topologyPath, digest: topologyDigest)
        self.rendered = rendered
        self.base = base
        summary = Summary(add: plan?.add ?? 0, change: plan?.change ?? 0, destroy: plan?.destroy ?? 0,
                          clusters: plan?.changedClusters.count ?? 0, hasChanges: plan?.hasChanges ?? false)
        let sourcePath = plan?.sourcePath ?? topologyPath
        changes = JSONList(plan?.changes ?? []) {
            Change(cluster: $0.cluster, action: $0.action, apiVersion: $0.id.apiVersion, kind: $0.id.kind.name,
                   namespace: $0.id.namespace, name: $0.id.name, path: $0.path.string,
                   reason: ReasonText.describe($0.reason, sourcePath: sourcePath))
        }
        files = JSONList(plan?.files ?? []) { change in File(path: change.path.string, action: change.action, diff: DeferredText { change.diff }) }
        drift = JSONList(plan?.drift ?? []) { Drift(path: $0.path.string, kind: $0.kind, detail: $0.detail) }
        clusters = plan?.clusters ?? []
        links = JSONList(plan?.links ?? []) { Link(source: $0.source, target: $0.target, status: $0.status.rawValue) }
        mesh = Mesh(plan?.mesh ?? MeshChanges(), rendered: rendered)
        self.diagnostics = diagnostics.map(DiagnosticRecord.init)
        meshChanges = plan?.mesh ?? MeshChanges()
    }

    /// What the wording below is made from (not in the JSON).
    private var meshChanges = MeshChanges()
    /// The summary line's mesh part, worded when asked (the JSON has none).
    package var meshCounts: [String] { MeshText.counts(meshChanges) }
    /// The mesh section's lines, worded when asked.
    package var meshLines: [String] { meshLines(limit: .max) }
    /// The first `limit` of them, each worded only when kept.
    package func meshLines(limit: Int) -> [String] { MeshText.lines(meshChanges, limit: limit).lines.map { "\($0.mark) \($0.text)" } }

    private enum CodingKeys: String, CodingKey {
        case formatVersion, tool, topology, rendered, base, summary, changes, files, drift, clusters, links, mesh, diagnostics
    }
}

extension PlanDocument {
    /// `Plan: X to add, Y to change, Z to destroy across N clusters.` or the no-change sentence.
    package var summaryLine: String {
        guard summary.hasChanges else { return "No changes. The rendered folder is up to date." }
        let counts = meshCounts
        let mesh = counts.isEmpty ? "" : counts.joined(separator: ", ") + ", "
        return "Plan: \(mesh)\(PlanSummary.counts(add: summary.add, change: summary.change, destroy: summary.destroy))"
            + " across \(PlanSummary.clusters(summary.clusters))."
    }
}

extension PlanDocument {
    /// The document of a plan run: its plan, or the diagnostics alone when the topology is invalid.
    /// - Parameter rendered: the folder's display path, when the run did not get as far as finding it.
    package init(_ result: PlanResult, toolName: String, toolVersion: String, rendered: String) {
        var planned: PlannedChange?
        if case .planned(let change) = result.outcome { planned = change }
        self.init(
            toolName: toolName, toolVersion: toolVersion, topologyPath: result.compiled?.displayPath ?? "",
            topologyDigest: planned?.topologyDigest, rendered: planned?.folder ?? rendered,
            base: .init(commit: planned?.baseCommit, renderedTree: planned?.baseTree), plan: planned?.plan,
            diagnostics: result.compiled?.diagnostics.sorted ?? [])
    }
}

// The lists a large mesh makes long: written item by item (the others in PlanDocument+JSONFields.swift,
// which write their own fields).
extension PlanDocument.Mesh.Split: LazyJSONItem {}
extension PlanDocument.Mesh.Trust: LazyJSONItem {}
