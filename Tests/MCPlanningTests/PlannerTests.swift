import Foundation
import MCDiagnostics
import MCBasics
import MCMesh
import MCTestSupport
import MCYAML
import Testing

@testable import MCPlanning
@testable import MCRendering

/// Small rendered trees built by hand, so that each planner case states exactly what it compares.
private func object(_ cluster: String, _ kind: String, _ namespace: String?, _ name: String, _ extra: String = "") -> RenderedObject {
    let id = ResourceID(apiVersion: kind == "Link" ? "multicluster.linkerd.io/v1alpha3" : "v1", kind: ResourceKind(kind), namespace: namespace, name: name)
    var fields: [(String, YAMLValue)] = [("apiVersion", .string(id.apiVersion)), ("kind", .string(kind))]
    var metadata: [(String, YAMLValue)] = [("name", .string(name))]
    if let namespace { metadata.append(("namespace", .string(namespace))) }
    fields.append(("metadata", .mapping(metadata)))
    if !extra.isEmpty { fields.append(("data", .mapping([("x", .string(extra))]))) }
    let object = MeshObject(cluster: cluster, role: ObjectRole(kind: id.kind, name: name) ?? .trustRoots, id: id, origin: origin(cluster))
    return RenderedObject(ObjectDraft(object, body: .mapping(fields)), header: "")
}

/// The origin every hand-made object of `cluster` has.
private func origin(_ cluster: String) -> Origin {
    Origin(.trustAnchors(cluster: cluster, anchors: []), at: SourceRange(start: .init(line: 7, column: 3), end: .init(line: 7, column: 9)))
}

private func tree(_ objects: [RenderedObject]) -> RenderedTree {
    let files = objects.map { ($0.path, $0.bytes) }
    return RenderedTree(files: files, objects: objects, topologyDigest: "sha256:test")
}

private func base(_ tree: RenderedTree, uncommitted: [UncommittedChange] = []) -> PlanBase {
    PlanBase(files: Dictionary(uniqueKeysWithValues: tree.files.map { ($0.path, $0.bytes) }), uncommitted: uncommitted)
}

/// `previous` as a plan of a commit reads it: blob ids, and the bytes of only the files
/// `rendered` does not hold exactly.
private func readLikeACommit(_ previous: PlanBase, _ rendered: RenderedTree) -> PlanBase {
    var ids: [RelativePath: ObjectID] = [:]
    var read: [RelativePath: [UInt8]] = [:]
    for path in previous.files.paths {
        ids[path] = previous.files.id(at: path)
        if rendered.rendered(path)?.id != ids[path] { read[path] = previous.files[path] }
    }
    return PlanBase(committed: CommittedFolder(treeID: "base", blobs: ids), read: read, rendered: rendered, uncommitted: previous.uncommitted)
}

/// What a plan says, as text: its changes, files with their diffs, drift, links and mesh.
private func everything(_ plan: Plan) -> [String] {
    summary(plan) + plan.changes.map { "\($0.path) \($0.reason)" } + plan.files.map { "\($0.action) \($0.path) \($0.diff)" }
        + plan.drift.map { "\($0.kind) \($0.path) \($0.detail)" } + plan.links.map { "\($0)" } + ["\(plan.clusters)", "\(String(describing: plan.mesh))"]
}

private func plan(_ previous: PlanBase, _ rendered: RenderedTree) -> Plan {
    Planner.plan(previous: previous, rendered: rendered, folder: "rendered", sourcePath: "topology.yaml")
}

private func summary(_ plan: Plan) -> [String] {
    plan.changes.map { "\($0.action.rawValue) \($0.cluster) \($0.id)" }
}

@Suite struct PlannerTests {
    let east = object("east", "ConfigMap", "linkerd", "linkerd-identity-trust-roots")
    let west = object("west", "ConfigMap", "linkerd", "linkerd-identity-trust-roots")
    let link = object("west", "Link", "linkerd-multicluster", "east")

    @Test func noOp() {
        let rendered = Renderer.manifestForTest(tree([east, west, link]))
        let result = plan(base(rendered), rendered)
        #expect(result.changes.isEmpty && result.files.isEmpty && result.drift.isEmpty)
        #expect(!result.hasChanges)
        #expect(result.links == [.init(source: "west", target: "east", status: .unchanged)])
    }

    @Test func addToAnEmptyBase() {
        let result = plan(PlanBase(files: [:]), tree([east, west, link]))
        #expect(summary(result) == [
            "add east ConfigMap linkerd/linkerd-identity-trust-roots",
            "add west ConfigMap linkerd/linkerd-identity-trust-roots",
            "add west Link linkerd-multicluster/east",
        ])
        #expect(result.changes[0].reason == .rendered(origin("east")))
        #expect(result.sourcePath == "topology.yaml")
        #expect(result.files.map(\.action) == [.add, .add, .add])
        #expect(result.files[0].diff.hasPrefix("--- /dev/null\n+++ b/rendered/east/linkerd/configmap-linkerd-identity-trust-roots.yaml\n@@ -0,0 +1,"))
        #expect(result.changedClusters == ["east", "west"])
        #expect(result.links.map(\.status) == [.added])
    }

    @Test func changeOnlyWhatDiffers() {
        let before = tree([east, west, link])
        let after = tree([east, west, object("west", "Link", "linkerd-multicluster", "east", "new")])
        let result = plan(base(before), after)
        #expect(summary(result) == ["change west Link linkerd-multicluster/east"])
        #expect(result.files.map(\.path.string) == ["west/linkerd-multicluster/link-east.yaml"])
        #expect(result.files[0].diff.contains("\n+data:\n+  x: new\n"))
        #expect(result.links.map(\.status) == [.changed])
    }

    @Test func destroyWithWhatDisappeared() {
        let result = plan(base(tree([east, west, link])), tree([east, west]))
        #expect(summary(result) == ["destroy west Link linkerd-multicluster/east"])
        #expect(result.changes[0].reason == .removed(.link(source: "west", target: "east")))
        #expect(result.files.map(\.action) == [.destroy])
        #expect(result.files[0].diff.contains("+++ /dev/null\n"))
        #expect(result.links == [.init(source: "west", target: "east", status: .removed)])
    }

    /// Renaming a cluster destroys its old folder's objects and adds the new ones.
    @Test func renameOfACluster() {
        let renamed = object("west-2", "ConfigMap", "linkerd", "linkerd-identity-trust-roots")
        let result = plan(base(tree([east, west])), tree([east, renamed]))
        let expected = ["destroy west ConfigMap linkerd/linkerd-identity-trust-roots", "add west-2 ConfigMap linkerd/linkerd-identity-trust-roots"]
        #expect(summary(result) == expected)
        #expect(result.changes.first { $0.action == .destroy }?.reason == .removed(.cluster("west")))
        #expect(result.changedClusters == ["west", "west-2"])
        #expect(result.clusters == ["east", "west", "west-2"])
    }

    @Test func identicalObjectsInTwoClustersAreDistinct() {
        let result = plan(base(tree([east])), tree([east, west]))
        #expect(summary(result) == ["add west ConfigMap linkerd/linkerd-identity-trust-roots"])
    }

    @Test func driftIsReportedApartFromChanges() throws {
        let rendered = Renderer.manifestForTest(tree([east, west]))
        var previous = base(rendered, uncommitted: [UncommittedChange(path: RelativePath("east/x.yaml")!, kind: .added)])
        let edited = RelativePath("west/linkerd/configmap-linkerd-identity-trust-roots.yaml")!
        previous.files[edited]! += Array("# by hand\n".utf8)
        previous.files[RelativePath("west/notes.txt")!] = Array("hello\n".utf8)
        previous.files[RelativePath("east/linkerd/configmap-linkerd-identity-trust-roots.yaml")!] = nil
        let result = plan(previous, rendered)
        #expect(result.drift.map { "\($0.kind.rawValue) \($0.path)" } == [
            "deleted east/linkerd/configmap-linkerd-identity-trust-roots.yaml", "uncommitted east/x.yaml",
            "edited west/linkerd/configmap-linkerd-identity-trust-roots.yaml", "unowned west/notes.txt",
        ])
        #expect(summary(result).sorted() == [
            "add east ConfigMap linkerd/linkerd-identity-trust-roots", "change west ConfigMap linkerd/linkerd-identity-trust-roots",
        ])
    }

    /// A base of blob ids whose bytes are read only where they differ from the render (as a plan
    /// of a commit reads it, the rest being the render's) plans exactly as a base of every file's bytes.
    @Test func baseOfBlobIDsPlansAsBaseOfBytes() throws {
        let rendered = Renderer.manifestForTest(tree([east, west, link]))
        var edited = base(Renderer.manifestForTest(tree([east, object("west", "Link", "linkerd-multicluster", "east", "old"),
                                                           object("west", "ConfigMap", "linkerd", "gone")])), uncommitted: [
            UncommittedChange(path: RelativePath("east/x.yaml")!, kind: .added),
        ])
        edited.files[RelativePath("west/notes.txt")!] = Array("hello\n".utf8)
        for previous in [base(rendered), edited, PlanBase(files: [:])] {
            let lean = readLikeACommit(previous, rendered)
            #expect(everything(plan(lean, rendered)) == everything(plan(previous, rendered)))
            #expect(lean.files.paths.allSatisfy { lean.files[$0] == previous.files[$0] && lean.files.id(at: $0) == previous.files.id(at: $0) })
        }
        let lean = readLikeACommit(edited, rendered)
        #expect(lean.files.isRendered(east.path) && !lean.files.isRendered(link.path) && !lean.files.isRendered(RelativePath("west/notes.txt")!))
    }

    /// Drift found from the manifests' top-level runs (the committed manifest as mcapply writes
    /// it) equals drift found by reading every file against the whole manifest (the same manifest
    /// as compact JSON, which only a JSON reader reads). West's file always differs, so each case
    /// is a plan with changes.
    @Test(arguments: [
        ("only the change", { @Sendable (_: inout PlanBase, _: inout [String: String]) in }, ["edited west/linkerd/configmap-linkerd-identity-trust-roots.yaml"]),
        ("an untouched cluster's digest edited", { @Sendable _, recorded in recorded["east/linkerd/configmap-linkerd-identity-trust-roots.yaml"] = "sha256:0" },
         ["edited east/linkerd/configmap-linkerd-identity-trust-roots.yaml", "edited west/linkerd/configmap-linkerd-identity-trust-roots.yaml"]),
        ("an untouched cluster's entry dropped", { @Sendable _, recorded in recorded["east/linkerd/configmap-linkerd-identity-trust-roots.yaml"] = nil },
         ["unowned east/linkerd/configmap-linkerd-identity-trust-roots.yaml", "edited west/linkerd/configmap-linkerd-identity-trust-roots.yaml"]),
        ("an entry for no file", { @Sendable _, recorded in recorded["north/x.yaml"] = "sha256:1" },
         ["deleted north/x.yaml", "edited west/linkerd/configmap-linkerd-identity-trust-roots.yaml"]),
        ("a file nobody wrote", { @Sendable base, _ in base.files[RelativePath("south/notes.txt")!] = Array("hi\n".utf8) },
         ["unowned south/notes.txt", "edited west/linkerd/configmap-linkerd-identity-trust-roots.yaml"]),
        ("a top-level file", { base, recorded in
            base.files[RelativePath("README.md")!] = Array("hi\n".utf8)
            recorded["README.md"] = "sha256:1"
        }, ["edited README.md", "edited west/linkerd/configmap-linkerd-identity-trust-roots.yaml"]),
    ] as [(String, @Sendable (inout PlanBase, inout [String: String]) -> Void, [String])])
    func driftFromTopLevelRunsEqualsDriftFromEveryFile(change: String, edit: @Sendable (inout PlanBase, inout [String: String]) -> Void,
                                                       expected: [String]) throws {
        let rendered = Renderer.manifestForTest(tree([east, west, link]))
        var previous = base(rendered)
        previous.files[west.path]! += Array("# by hand\n".utf8)
        let manifestPath = RelativePath(components: [Manifest.fileName])
        var recorded = try #require(Manifest.recordedFiles(previous.files[manifestPath]!))
        edit(&previous, &recorded)
        let written = Manifest(generatedBy: "test", toolVersion: "0", topologyPath: "topology.yaml", topologyDigest: "sha256:test", files: recorded).bytes
        previous.files[manifestPath] = written
        #expect(Manifest.Listing(written) != nil)
        let fromRuns = plan(previous, rendered).drift.map { "\($0.kind.rawValue) \($0.path)" }
        let object = try JSONSerialization.jsonObject(with: Data(written))
        previous.files[manifestPath] = Array(try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]))
        #expect(Manifest.Listing(previous.files[manifestPath]!) == nil)
        let fromEveryFile = plan(previous, rendered).drift.map { "\($0.kind.rawValue) \($0.path)" }
        #expect(fromRuns == expected, "\(change)")
        #expect(fromEveryFile == expected, "\(change)")
    }

    @Test func secretLinesInDiffsAreRedacted() {
        var previous = base(tree([east]))
        let path = east.path
        previous.files[path]! += Array("token: abc.def\n".utf8)
        let result = plan(previous, tree([east]))
        #expect(result.files.count == 1)
        #expect(result.files[0].diff.contains("-<redacted>\n"))
        #expect(!result.files[0].diff.contains("abc.def"))
    }

    @Test func unparsableBaseFileFallsBackToItsPath() {
        var previous = PlanBase(files: [:])
        previous.files[RelativePath("west/test/httproute-old.yaml")!] = Array("{ not yaml".utf8)
        let result = plan(previous, tree([]))
        #expect(summary(result) == ["destroy west httproute test/old"])
    }
}

extension Renderer {
    /// A tree with a `.mcapply.json` recording its files, as the renderer would write it.
    static func manifestForTest(_ tree: RenderedTree) -> RenderedTree {
        let manifest = Manifest(generatedBy: "test", toolVersion: "0", topologyPath: "topology.yaml", topologyDigest: "sha256:test",
                                files: Dictionary(uniqueKeysWithValues: tree.files.map { ($0.path.string, Digest.sha256($0.bytes)) }))
        return RenderedTree(files: tree.files + [.init(path: RelativePath(components: [Manifest.fileName]), bytes: manifest.bytes,
                                                       digest: SHA256Digest(of: manifest.bytes))],
                            objects: tree.objects, topologyDigest: "sha256:test")
    }
}

@Suite struct DestroyReasonTests {
    private let empty = RenderedTree(files: [RenderedTree.File](), objects: [], topologyDigest: "sha256:test")

    @Test(arguments: [
        ("Link", "linkerd-multicluster" as String?, "east", "west", ChangeReason.Removal.link(source: "west", target: "east")),
        ("ExternalSecret", "linkerd", "cluster-credentials-east", "west", .link(source: "west", target: "east")),
        ("ServiceAccount", "linkerd-multicluster", "linkerd-service-mirror-remote-access-west", "east", .link(source: "west", target: "east")),
        ("Secret", "linkerd-multicluster", "linkerd-service-mirror-remote-access-west-token", "east", .link(source: "west", target: "east")),
        ("ClusterRole", nil, "linkerd-service-mirror-remote-access-west", "east", .link(source: "west", target: "east")),
        ("ConfigMap", "linkerd", "linkerd-identity-trust-roots", "east", .cluster("east")),
        ("HTTPRoute", "test", "podinfo", "west", .split(name: "podinfo", cluster: "west", namespace: "test", renderedAnew: false)),
        ("ServiceAccount", "apps", "someone-else", "east", .unknown),
    ])
    func saysWhatDisappeared(kind: String, namespace: String?, name: String, cluster: String, expected: ChangeReason.Removal) {
        let id = ResourceID(apiVersion: "v1", kind: ResourceKind(kind), namespace: namespace, name: name)
        #expect(DestroyReason.describe(id, cluster: cluster, in: RenderedIndex(empty)) == expected)
    }

    /// What still renders changes the reason: a link that stays lost only its credentials; a split
    /// rendered under another kind was not removed.
    @Test func looksAtWhatStillRenders() {
        let rendered = RenderedIndex(tree([object("west", "Link", "linkerd-multicluster", "east"), object("west", "TrafficSplit", "test", "podinfo")]))
        let credentials = ResourceID(apiVersion: "external-secrets.io/v1", kind: .externalSecret, namespace: "linkerd", name: "cluster-credentials-east")
        #expect(DestroyReason.describe(credentials, cluster: "west", in: rendered) == .credentials(target: "east"))
        #expect(DestroyReason.describe(credentials, cluster: "north", in: rendered) == .link(source: "north", target: "east"))
        let route = ResourceID(apiVersion: "gateway.networking.k8s.io/v1", kind: .httpRoute, namespace: "test", name: "podinfo")
        #expect(DestroyReason.describe(route, cluster: "west", in: rendered) == .split(name: "podinfo", cluster: "west", namespace: "test", renderedAnew: true))
        #expect(DestroyReason.describe(route, cluster: "east", in: rendered) == .split(name: "podinfo", cluster: "east", namespace: "test", renderedAnew: false))
    }
}

@Suite struct LinkOrderTests {
    /// Links come by source, then target, as String's `<` orders them: compared by their bytes
    /// when every name is ASCII, and by String itself when one is not (a decomposed "é" sorts
    /// as the composed one does, which its bytes would not).
    @Test(arguments: [
        ["b-1", "a", "a-b", "a.b", "A", "z", "a0", "b"],
        ["e\u{301}t", "\u{e9}a", "ez", "f", "e"],
    ])
    func linksAreOrderedAsStringsOrderThem(names: [String]) {
        var generator = SplitMix64(seed: 7)
        let edges = names.flatMap { source in names.map { Plan.LinkEdge(source: source, target: $0, status: .unchanged) } }
        let shuffled = edges.shuffled(using: &generator)
        let expected = shuffled.sorted { ($0.source, $0.target) < ($1.source, $1.target) }
        #expect(Planner.ordered(shuffled).map { [$0.source, $0.target] } == expected.map { [$0.source, $0.target] })
    }
}
