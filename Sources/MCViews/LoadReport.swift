import MCDiagnostics

/// What `mcplan` reports until planning exists: what was loaded, or why it could not be.
package struct LoadReport: Codable, Sendable {
    /// Counts of what the topology declares, links after expansion.
    package struct Counts: Codable, Sendable, Equatable {
        package var clusters: Int
        package var trustAnchors: Int
        package var links: Int
        package var exportedServices: Int
        package var splits: Int

        package init(clusters: Int, trustAnchors: Int, links: Int, exportedServices: Int, splits: Int) {
            self.clusters = clusters
            self.trustAnchors = trustAnchors
            self.links = links
            self.exportedServices = exportedServices
            self.splits = splits
        }
    }

    package struct Tool: Codable, Sendable {
        package var name: String
        package var version: String
    }

    package struct TopologyRef: Codable, Sendable {
        package var path: String
    }

    package var formatVersion = "1.0"
    package var tool: Tool
    package var topology: TopologyRef
    /// Nil when the topology has errors.
    package var loaded: Counts?
    package var diagnostics: [DiagnosticRecord]

    package init(toolName: String, toolVersion: String, topologyPath: String, loaded: Counts?, diagnostics: [Diagnostic]) {
        tool = Tool(name: toolName, version: toolVersion)
        topology = TopologyRef(path: topologyPath)
        self.loaded = loaded
        self.diagnostics = diagnostics.map(DiagnosticRecord.init)
    }

    package func encode(to encoder: Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(formatVersion, forKey: .formatVersion)
        try container.encode(tool, forKey: .tool)
        try container.encode(topology, forKey: .topology)
        try container.encode(loaded, forKey: .loaded)
        try container.encode(diagnostics, forKey: .diagnostics)
    }

    /// "Loaded topology.yaml: 2 clusters, 1 trust anchor, 2 links, 1 exported service, 1 split."
    package static func text(path: String, counts: Counts) -> String {
        func n(_ count: Int, _ word: String) -> String { "\(count) \(word)\(count == 1 ? "" : "s")" }
        return "Loaded \(path): " + [
            n(counts.clusters, "cluster"), n(counts.trustAnchors, "trust anchor"), n(counts.links, "link"),
            n(counts.exportedServices, "exported service"), n(counts.splits, "split"),
        ].joined(separator: ", ") + ".\n"
    }
}
