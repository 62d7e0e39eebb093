import Foundation
import MCTestSupport
import Testing

/// A plan of one edit in a real repository: the example committed and applied, then `edit`
/// applied to its topology; the plan as JSON (its `mesh` entries as canonical JSON lines), text
/// and markdown.
private struct MeshPlan {
    var document: [String: Any]
    var text: String
    var markdown: String

    var mesh: [String: Any] { document["mesh"] as? [String: Any] ?? [:] }

    /// One `mesh` list, each entry as JSON with sorted keys.
    func entries(_ key: String) -> [String] {
        ((mesh[key] as? [Any]) ?? []).map { entry in
            let data = try? JSONSerialization.data(withJSONObject: entry, options: [.sortedKeys, .withoutEscapingSlashes])
            return String(decoding: data ?? Data(), as: UTF8.self)
        }
    }

    var summaryLine: String { text.split(separator: "\n").last.map(String.init) ?? "" }
}

/// - Parameter prepare: an edit made before the first commit (the base).
private func plan(_ example: String, copying extra: [String: String] = [:], prepare: (String) -> String = { $0 },
                  edit: (String) -> String) throws -> MeshPlan {
    let repo = try repositoryWithExample(example)
    defer { try? FileManager.default.removeItem(atPath: repo) }
    for (from, to) in extra { try FileManager.default.copyItem(atPath: PackagePaths.examples + "/" + from, toPath: repo + "/" + to) }
    let topology = repo + "/topology.yaml"
    try prepare(try String(contentsOfFile: topology, encoding: .utf8)).write(toFile: topology, atomically: true, encoding: .utf8)
    try git(repo, ["add", "-A"])
    try git(repo, ["commit", "-q", "-m", "topology"])
    let applied = try Command.product("mcapply", ["-C", repo, "--commit"])
    #expect(applied.status == 0, "\(applied.stderr)")
    let path = repo + "/topology.yaml"
    let before = try String(contentsOfFile: path, encoding: .utf8)
    let after = edit(before)
    #expect(after != before, "the edit changes the topology")
    try after.write(toFile: path, atomically: true, encoding: .utf8)
    let json = try Command.product("mcplan", ["-C", repo, "-o", "json"])
    #expect(json.status == 0, "\(json.stderr)")
    let document = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(document["formatVersion"] as? String == "1.1")
    let text = try Command.product("mcplan", ["-C", repo]).stdout
    let markdown = try Command.product("mcplan", ["-C", repo, "-o", "markdown"]).stdout
    return MeshPlan(document: document, text: text, markdown: markdown)
}

private func replacing(_ from: String, _ to: String) -> (String) -> String {
    { $0.replacingOccurrences(of: from, with: to) }
}

@Suite struct MeshPlanEndToEndTests {
    @Test func exportAdded() throws {
        let plan = try plan("east-west", edit: replacing("    namespace: test\n    service: podinfo\n\nsplits:", "    namespace: test\n    services: [podinfo, search]\n\nsplits:"))
        #expect(plan.entries("exports") == [#"{"action":"add","cluster":"east","mirroredBy":["west"],"mode":"gateway","namespace":"test","service":"search"}"#])
        #expect(plan.entries("mirrors") == [#"{"action":"add","cluster":"west","from":"east","namespace":"test","service":"search-east"}"#])
        #expect(plan.text.hasPrefix("Mesh\n  + export east test/search (gateway) added, mirrored by west\n  + west gains test/search-east (from east)\n"))
        #expect(plan.summaryLine == "Plan: 1 export added (1 cluster gains 1 service), 0 to add, 0 to change, 0 to destroy across 1 cluster.")
        #expect(plan.markdown.contains("- ➕ export east test/search (gateway) added, mirrored by west\n- ➕ west gains test/search-east (from east)\n"))
    }

    @Test func exportRemoved() throws {
        let plan = try plan("fleet", edit: replacing("{cluster: hub-us, namespace: platform, services: [identity, payments, catalog]}",
                                                     "{cluster: hub-us, namespace: platform, services: [identity, payments]}"))
        #expect(plan.entries("exports") == [#"{"action":"remove","cluster":"hub-us","mirroredBy":["hub-ap","hub-eu","spoke-us-1","spoke-us-2","spoke-us-3","spoke-us-4"],"mode":"gateway","namespace":"platform","service":"catalog"}"#])
        #expect(plan.entries("mirrors").count == 6)
        #expect(plan.entries("mirrors").first == #"{"action":"remove","cluster":"hub-ap","from":"hub-us","namespace":"platform","service":"catalog-hub-us"}"#)
        #expect(plan.text.contains("\n  - spoke-us-4 loses platform/catalog-hub-us (from hub-us)\n"))
        #expect(plan.summaryLine == "Plan: 1 export removed (6 clusters lose 6 services), 0 to add, 0 to change, 0 to destroy across 1 cluster.")
    }

    @Test func linkAdded() throws {
        let plan = try plan("fleet", edit: replacing("  - source: [spoke-eu-1,", "  - {source: spoke-us-1, target: hub-eu}\n  - source: [spoke-eu-1,"))
        #expect(plan.entries("links") == [#"{"action":"add","after":{"gatewayAddress":"203.0.113.10,203.0.113.11","gatewayIdentity":"linkerd-gateway.linkerd-multicluster.serviceaccount.identity.linkerd.cluster.local","gatewayPort":"4143","mode":"gateway"},"before":null,"mode":"gateway","source":"spoke-us-1","target":"hub-eu"}"#])
        #expect(plan.entries("mirrors") == ["catalog", "identity", "payments"].map {
            #"{"action":"add","cluster":"spoke-us-1","from":"hub-eu","namespace":"platform","service":"\#($0)-hub-eu"}"#
        })
        #expect(plan.entries("credentials") == [#"{"cluster":"spoke-us-1","key":"fleet/hub-eu/readers/spoke-us-1","store":"fleet-vault"}"#])
        #expect(plan.text.contains("  + link spoke-us-1 → hub-eu added (gateway 203.0.113.10,203.0.113.11:4143)\n"))
        #expect(plan.text.contains("  ! credentials spoke-us-1: key fleet/hub-eu/readers/spoke-us-1 in store fleet-vault must exist before the sync\n"))
        #expect(plan.summaryLine.hasPrefix("Plan: 1 link added (1 cluster gains 3 services), "))
    }

    @Test func linkRemoved() throws {
        let plan = try plan("fleet", edit: replacing("source: [spoke-us-1, spoke-us-2, spoke-us-3, spoke-us-4]", "source: [spoke-us-1, spoke-us-2, spoke-us-3]"))
        #expect(plan.entries("links").count == 1)
        #expect(plan.entries("links").first?.hasPrefix(#"{"action":"remove","after":null,"before":{"gatewayAddress":"198.51.100.10,198.51.100.11""#) == true)
        #expect(plan.entries("mirrors").count == 3)
        let risks = plan.entries("risks")
        // Its only link gone, spoke-us-4 needs no extension values any more: said too.
        #expect(risks.count == 2 && risks[1].contains(#""kind":"values-removed""#))
        #expect(risks[0].hasPrefix(#"{"cluster":"spoke-us-4","detail":"link spoke-us-4 → hub-us removed: Linkerd leaves platform/catalog-hub-us, platform/identity-hub-us, platform/payments-hub-us in spoke-us-4 behind"#))
        #expect(risks[0].hasSuffix(#""kind":"link-removed"}"#))
        #expect(plan.text.contains("\nRisks\n  ! link spoke-us-4 → hub-us removed: Linkerd leaves platform/catalog-hub-us"))
        #expect(plan.markdown.contains("#### Risks\n\n- ⚠️ link spoke-us-4 → hub-us removed"))
        #expect(plan.summaryLine.hasPrefix("Plan: 1 link removed (1 cluster loses 3 services), 0 to add, 0 to change, "))
    }

    /// Switching a link to remote-discovery: the source loses the services it mirrored through the gateway.
    @Test func linkModeSwitch() throws {
        let plan = try plan("custom-gateways", edit: replacing("  - {source: edge, target: [default, hub]}",
                                                               "  - {source: edge, target: default}\n  - {source: edge, target: hub, mode: remote-discovery}"))
        let links = plan.entries("links")
        #expect(links.count == 1 && links[0].contains(#""action":"change","after":{"gatewayAddress":null,"gatewayIdentity":null,"gatewayPort":null,"mode":"remote-discovery"}"#))
        #expect(plan.entries("mirrors") == [#"{"action":"remove","cluster":"edge","from":"hub","namespace":"shop","service":"cart-hub"}"#])
        #expect(plan.text.contains("  ~ link edge → hub: gateway hub.example.com:4143 → remote-discovery\n  - edge loses shop/cart-hub (from hub)\n"))
        #expect(plan.text.contains("\nWarnings\n  topology.yaml:51:15: warning[MC901]: the federated export of 'cart' from 'default' is mirrored by no link\n"
            + "  topology.yaml:52:15: warning[MC901]: the gateway export of 'cart' from 'hub' is mirrored by no link\n"))
        #expect(plan.markdown.contains("<details><summary>⚠️ 2 warnings (MC901)</summary>"))
        #expect(plan.summaryLine.hasPrefix("Plan: 1 link changed (1 cluster loses 1 service), "))
    }

    @Test func weightsChanged() throws {
        let plan = try plan("east-west", edit: { $0.replacingOccurrences(of: "weight: 50\n      - service: podinfo\n        cluster: east\n        weight: 50",
                                                                          with: "weight: 80\n      - service: podinfo\n        cluster: east\n        weight: 20") })
        #expect(plan.entries("splits") == [#"{"action":"change","backends":[{"after":80,"before":50,"service":"podinfo"},{"after":20,"before":50,"service":"podinfo-east"}],"cluster":"west","name":"podinfo","namespace":"test","primary":null}"#])
        #expect(plan.text.contains("  ~ split west test/podinfo: podinfo 50 → 80, podinfo-east 50 → 20\n"))
        #expect(plan.markdown.contains("- ✏️ split west test/podinfo: podinfo 50 → 80, podinfo-east 50 → 20\n"))
    }

    @Test func failoverPrimaryChanged() throws {
        let plan = try plan("cluster1-cluster2", edit: replacing("failover: {primary: backend}", "failover: {primary: backend-cluster1}"))
        let splits = plan.entries("splits")
        #expect(splits.count == 1 && splits[0].contains(#""primary":{"after":"backend-cluster1","before":"backend"}"#), "\(splits)")
        #expect(splits[0].contains(#"{"after":0,"before":1,"service":"backend"}"#) && splits[0].contains(#"{"after":1,"before":0,"service":"backend-cluster1"}"#))
        #expect(plan.text.contains("; failover primary backend → backend-cluster1\n"))
    }

    /// An anchor added to one cluster's bundle, then removed again: by subject, fingerprint and expiry.
    @Test func anchorAddedAndRemoved() throws {
        let extra = ["trust-anchor-rotation/certs/root-new.crt": "certs/root-new.crt"]
        let declared = replacing("trustAnchors:\n  - name: root\n    file: certs/root.crt\n",
                                 "trustAnchors:\n  - name: root\n    file: certs/root.crt\n  - name: root-new\n    file: certs/root-new.crt\n")
        let inBundle = replacing("  - name: east\n    trustAnchors: [root]", "  - name: east\n    trustAnchors: [root, root-new]")
        let added = try plan("east-west", copying: extra, prepare: declared, edit: inBundle)
        let trust = added.entries("trust")
        #expect(trust.count == 1 && trust[0].hasPrefix(#"{"added":[{"notAfter":"#) && trust[0].hasSuffix(#""cluster":"east","removed":[]}"#), "\(trust)")
        #expect(trust[0].contains(#""sha256":""#) && trust[0].contains(#""subject":""#))
        #expect(added.entries("risks").first?.contains(#""kind":"trust-changed""#) == true)
        #expect(added.text.contains("  + trust east: anchor "))
        #expect(added.summaryLine.hasPrefix("Plan: 1 trust bundle changed, 0 to add, 1 to change, "))
        #expect(added.markdown.contains("proxies read it when they start"))

        let removed = try plan("east-west", copying: extra, prepare: { inBundle(declared($0)) },
                               edit: replacing("  - name: east\n    trustAnchors: [root, root-new]", "  - name: east\n    trustAnchors: [root]"))
        let back = removed.entries("trust")
        #expect(back.count == 1 && back[0].hasPrefix(#"{"added":[],"cluster":"east","removed":[{"notAfter":"#), "\(back)")
        #expect(back[0].components(separatedBy: #""sha256":"#)[1].prefix(66) == trust[0].components(separatedBy: #""sha256":"#)[1].prefix(66),
                "the anchor removed is the one added")
        #expect(removed.text.contains("  - trust east: anchor "))
    }

    @Test func clusterAddedAndRenamed() throws {
        let added = try plan("fleet") { text in
            text.replacingOccurrences(of: "  - name: spoke-us-4\n    trustAnchors: [fleet-root]\n",
                                      with: "  - name: spoke-us-4\n    trustAnchors: [fleet-root]\n  - name: spoke-us-5\n    trustAnchors: [fleet-root]\n")
                .replacingOccurrences(of: "spoke-us-3, spoke-us-4]", with: "spoke-us-3, spoke-us-4, spoke-us-5]")
        }
        #expect(added.entries("clusters") == [#"{"action":"add","name":"spoke-us-5"}"#])
        #expect(added.entries("links").count == 1 && added.entries("mirrors").count == 3 && added.entries("credentials").count == 1)
        #expect(added.entries("risks").isEmpty, "a cluster that joins gets its first bundle: nothing to restart")
        #expect(added.summaryLine.hasPrefix("Plan: 1 cluster added, 1 link added (1 cluster gains 3 services), "))

        let renamed = try plan("fleet", edit: replacing("spoke-ap-4", "spoke-ap-9"))
        #expect(renamed.entries("clusters") == [#"{"action":"remove","name":"spoke-ap-4"}"#, #"{"action":"add","name":"spoke-ap-9"}"#])
        #expect(renamed.entries("trust").count == 1, "the cluster that goes takes its bundle with it; the one that joins gets one")
        let kinds = renamed.entries("risks").map { $0.components(separatedBy: #""kind":""#).last ?? "" }
        // The fleet's own Argo CD wiring orphans the removed cluster's objects rather than pruning them.
        #expect(kinds == [#"wiring-removed"}"#, #"likely-rename"}"#, #"link-removed"}"#])
        #expect(renamed.entries("wiring") == [#"{"action":"remove","kind":"Application","name":"mesh-spoke-ap-4"}"#,
                                              #"{"action":"add","kind":"Application","name":"mesh-spoke-ap-9"}"#])
        #expect(renamed.text.contains("  ! spoke-ap-9 has exactly the links spoke-ap-4 had: if this is a rename"))
        #expect(renamed.text.contains("  ! the Application mesh-spoke-ap-4 goes with spoke-ap-4's folder; it has no resources finalizer, so Argo CD leaves"))
        #expect(renamed.text.contains("  - wiring: Application mesh-spoke-ap-4 removed\n"))

        // Without wiring of the tool's own, whatever syncs the folder prunes it: said so.
        let removed = try plan("custom-gateways") { text in
            text.replacingOccurrences(of: "  - name: edge\n    trustAnchors: [root]\n    multiclusterNamespace: mc\n", with: "")
                .replacingOccurrences(of: "  - {source: edge, target: [default, hub]}\n", with: "")
        }
        #expect(removed.entries("clusters") == [#"{"action":"remove","name":"edge"}"#])
        #expect(removed.text.contains("an Argo CD ApplicationSet or Flux Kustomization that syncs it will prune every object it applied to cluster edge"))
    }

    @Test func credentialsChanged() throws {
        let plan = try plan("east-west", edit: replacing(#"key: "mesh/{source}-to-{target}/kubeconfig""#, #"key: "mesh/{target}/readers/{source}""#))
        #expect(plan.entries("credentials") == [#"{"cluster":"west","key":"mesh/east/readers/west","store":"vault-backend"}"#])
        #expect(plan.entries("links").isEmpty && plan.entries("mirrors").isEmpty)
        #expect(plan.text.contains("  ! credentials west: key mesh/east/readers/west in store vault-backend must exist before the sync\n"))
        #expect(plan.summaryLine == "Plan: 0 to add, 2 to change, 0 to destroy across 1 cluster.")
    }
}

/// The pull-request comment of a change that touches all of 100 clusters stays under GitHub's
/// limit, and what it cuts first are the diffs of the clusters with the fewest changes: the four
/// hubs keep theirs, the mesh section and the summary stay whole, the note of what was left out is
/// at the top.
@Suite struct LargeMarkdownEndToEndTests {
    /// Four hubs meshed, each exporting ten services and splitting three across itself and the
    /// others; 96 spokes, each linked to one hub. `address` picks the hubs' gateway addresses and
    /// `local` the hubs' own weight in each split (the others share the rest).
    static func hubsAndSpokes(address: Int, local: Int) -> String {
        let hubs = (0..<4).map { "hub-\($0)" }
        var lines = ["apiVersion: mcplan/v1", "kind: Topology", "trustAnchors:", "  - name: root", "    file: certs/fleet-root.crt", "clusters:"]
        for (index, hub) in hubs.enumerated() {
            lines += ["  - name: \(hub)", "    trustAnchors: [root]", "    gateway: {address: 10.\(address).\(index).1}",
                      "    credentials:", "      externalSecret: {store: vault, key: \"mesh/{target}/{source}\"}"]
        }
        for spoke in 0..<96 { lines += ["  - name: spoke-\(spoke)", "    trustAnchors: [root]"] }
        lines += ["links:", "  - mesh: [\(hubs.joined(separator: ", "))]"]
        for spoke in 0..<96 { lines.append("  - {source: spoke-\(spoke), target: hub-\(spoke % 4)}") }
        lines.append("exports:")
        for hub in hubs { lines.append("  - {cluster: \(hub), namespace: apps, services: [\((0..<10).map { "svc-\($0)" }.joined(separator: ", "))]}") }
        lines.append("splits:")
        for hub in hubs {
            for service in 0..<3 {
                lines += ["  - cluster: \(hub)", "    namespace: apps", "    service: svc-\(service)", "    port: 8080", "    backends:",
                          "      - {service: svc-\(service), weight: \(local)}"]
                for other in hubs where other != hub { lines.append("      - {service: svc-\(service), cluster: \(other), weight: \((100 - local) / 3)}") }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func hubsKeepTheirDiffs() throws {
        let repo = try repositoryWithExample("fleet")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let topology = repo + "/topology.yaml"
        try Self.hubsAndSpokes(address: 1, local: 70).write(toFile: topology, atomically: true, encoding: .utf8)
        try git(repo, ["add", "-A"])
        try git(repo, ["commit", "-q", "-m", "topology"])
        #expect(try Command.product("mcapply", ["-C", repo, "--commit"]).status == 0)
        try Self.hubsAndSpokes(address: 2, local: 40).write(toFile: topology, atomically: true, encoding: .utf8)
        let result = try Command.product("mcplan", ["-C", repo, "-o", "markdown"])
        #expect(result.status == 0, "\(result.stderr)")
        let markdown = result.stdout
        #expect(markdown.count <= 65_000 && markdown.utf8.count <= 65_000, "\(markdown.count) characters")
        #expect(markdown.hasPrefix("<!-- mcplan: topology.yaml -->\n### mcplan: `topology.yaml` against `"))
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[3].hasPrefix("**Plan: 108 links changed, 12 splits changed, "), "\(lines[3])")
        #expect(lines[5].hasPrefix("_Left out to stay under 65000 characters: the diffs of `spoke-"), "the note is at the top: \(lines[5])")
        for hub in 0..<4 {
            #expect(markdown.contains("<details><summary>diff of <code>hub-\(hub)</code></summary>"), "hub-\(hub) keeps its diff")
            #expect(markdown.contains("- ✏️ split hub-\(hub) apps/svc-2: svc-2 70 → 40"), "the mesh section is whole")
        }
        #expect(markdown.contains("- ✏️ link spoke-95 → hub-3: gateway 10.1.3.1:4143 → gateway 10.2.3.1:4143"))
        #expect(markdown.contains("| `spoke-95` | 0 | 1 | 0 |"), "every cluster keeps its row")
        #expect(!markdown.contains("diff of <code>spoke-95</code>"), "the spokes' diffs went first")
    }
}
