import Foundation
import MCDiagnostics
import MCBasics
import MCMesh
@testable import MCPlanning
import MCRendering
import MCTestSupport
import MCYAML
import Testing

@testable import MCViews

private let goldens = PackagePaths.root + "/Tests/MCViewsTests/Goldens/"

/// A small plan: one object added, one changed, one destroyed, a link added, and drift.
private func samplePlan() -> PlanDocument {
    func object(_ cluster: String, _ kind: String, _ namespace: String?, _ name: String, _ value: String) -> RenderedObject {
        let id = ResourceID(apiVersion: "v1", kind: ResourceKind(kind), namespace: namespace, name: name)
        var metadata: [(String, YAMLValue)] = [("name", .string(name))]
        if let namespace { metadata.append(("namespace", .string(namespace))) }
        let body = YAMLValue.mapping([("apiVersion", .string("v1")), ("kind", .string(kind)), ("metadata", .mapping(metadata)),
                                      ("data", .mapping([("value", .string(value))]))])
        // Only a Link's role matters to the plan (the graph of links); the others take any.
        let origin = Origin(.link(source: "west", target: "east"), at: SourceRange(start: .init(line: 30, column: 5), end: .init(line: 30, column: 9)))
        let object = MeshObject(cluster: cluster, role: ObjectRole(kind: id.kind, name: name) ?? .trustRoots, id: id, origin: origin)
        return RenderedObject(ObjectDraft(object, body: body), header: "")
    }
    func files(_ objects: [RenderedObject]) -> [(path: RelativePath, bytes: [UInt8])] {
        objects.map { ($0.path, $0.bytes) }
    }
    let kept = object("east", "ConfigMap", "linkerd", "trust", "1\n2\n3\n4\n5\n6\n7\n")
    let changedBefore = object("west", "Link", "linkerd-multicluster", "east", "old")
    let changedAfter = object("west", "Link", "linkerd-multicluster", "east", "new")
    let gone = object("west", "Link", "linkerd-multicluster", "north", "x")
    let added = object("east", "ServiceAccount", "linkerd-multicluster", "remote-access-west", "y")
    var base = PlanBase(files: Dictionary(uniqueKeysWithValues: files([kept, changedBefore, gone]).map { ($0.path, $0.bytes) }),
                        uncommitted: [UncommittedChange(path: RelativePath("west/notes.md")!, kind: .added)])
    base.files[RelativePath("east/stray.yaml")!] = Array("kind: Nothing\n".utf8)
    let tree = RenderedTree(files: files([kept, changedAfter, added]), objects: [kept, changedAfter, added], topologyDigest: "sha256:" + String(repeating: "0", count: 64))
    let plan = Planner.plan(previous: base, rendered: tree, folder: "rendered", sourcePath: "topology.yaml")
    return PlanDocument(toolName: "mcplan", toolVersion: "0.1.0", topologyPath: "topology.yaml", topologyDigest: tree.topologyDigest,
                        rendered: "rendered", base: .init(commit: String(repeating: "a", count: 40), renderedTree: String(repeating: "b", count: 40)),
                        plan: plan, diagnostics: [])
}

@Suite struct PlanViewTests {
    @Test func textMatchesGolden() {
        let text = PlanTextView(style: .plain).render(samplePlan())
        #expect(!text.contains("\u{1B}["))
        #expect(text.hasSuffix("Plan: 1 to add, 1 to change, 1 to destroy across 2 clusters.\n"))
        #expect(Golden.mismatch(text, golden: goldens + "plan.txt") == nil)
    }

    @Test func colouredTextMatchesGolden() {
        let text = PlanTextView(style: TerminalStyle(isEnabled: true)).render(samplePlan())
        #expect(text.contains("\u{1B}[32m+ add    \u{1B}[0m"))
        #expect(Golden.mismatch(text, golden: goldens + "plan-colour.txt") == nil)
    }

    @Test func markdownMatchesGolden() {
        let markdown = PlanMarkdownView().render(samplePlan())
        #expect(markdown.contains("<details><summary><code>west</code>"))
        #expect(markdown.contains("```mermaid\ngraph LR\n"))
        #expect(markdown.contains("-.->|removed|"))
        #expect(Golden.mismatch(markdown, golden: goldens + "plan.md") == nil)
    }

    /// Over the limit, the summary and tables stay; details go, largest first, and it says so.
    @Test func markdownIsCutToTheLimit() {
        let full = PlanMarkdownView().render(samplePlan())
        let cut = PlanMarkdownView(limit: full.count - 50).render(samplePlan())
        #expect(cut.count <= full.count - 50)
        #expect(cut.contains("**Plan: 1 to add, 1 to change, 1 to destroy across 2 clusters.**"))
        #expect(cut.contains("| `west` | 0 | 1 | 1 |"))
        #expect(cut.contains("_Left out to stay under"))
        #expect(Golden.mismatch(cut, golden: goldens + "plan-cut.md") == nil)
        let tiny = PlanMarkdownView(limit: 400).render(samplePlan())
        #expect(tiny.count <= 400)
    }

    @Test func noChanges() {
        let document = PlanDocument(toolName: "mcplan", toolVersion: "0.1.0", topologyPath: "topology.yaml", topologyDigest: nil,
                                    rendered: "rendered", base: .init(commit: nil, renderedTree: nil),
                                    plan: Plan(sourcePath: "topology.yaml", changes: [], files: [], drift: [], clusters: [], links: []), diagnostics: [])
        #expect(PlanTextView(style: .plain).render(document) == "No changes. The rendered folder is up to date.\n")
    }

    /// The JSON writer writes exactly what Foundation's JSONEncoder (sorted keys, pretty, no
    /// escaped slashes) writes: plans, reports, SARIF, and strings of every awkward kind.
    @Test func jsonWriterMatchesFoundation() {
        struct Awkward: Encodable {
            var text = "q\"\\/\u{1}\u{1b}\t\n\r\u{8}\u{c}\u{7f}é😀\u{2028}"
            var empty: [Int] = []
            var nested: [[String]] = [[], ["a"]]
            var map: [String: Int] = ["b": 1, "B": 2, "a10": 3, "a9": 4]
            var emptyMap: [String: Int] = [:]
            var missing: Int?
            var null: NullWhenNil<String> = NullWhenNil(wrappedValue: nil)
            var flags = [true, false]
            var numbers: [Int] = [0, -5, Int.max]
            var Zed = 1
            var weights: [PlanDocument.Mesh.Weight?] = [.number(5), .quantity("500m"), nil]
        }
        let document = samplePlan()
        #expect(JSONOutput.encode(document) == JSONOutput.foundationEncoding(document))
        #expect(JSONOutput.encode(Awkward()) == JSONOutput.foundationEncoding(Awkward()))
        #expect(JSONOutput.encode(SARIFLog(document)) == JSONOutput.foundationEncoding(SARIFLog(document)))
        #expect(JSONOutput.encode(ErrorReport("a \"quoted\" failure\n")) == JSONOutput.foundationEncoding(ErrorReport("a \"quoted\" failure\n")))
    }

    /// Streamed in pieces of any size, the JSON is the same bytes as encoded whole, and a key
    /// encoded twice keeps its last value, as JSONEncoder does.
    @Test(arguments: [1, 7, 4096]) func streamedJSONIsTheEncodedJSON(chunk: Int) throws {
        struct Twice: Encodable {
            enum Keys: String, CodingKey { case b, a }
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(1, forKey: .b)
                try container.encode("x", forKey: .a)
                try container.encode(2, forKey: .b)
            }
        }
        let document = samplePlan()
        var streamed: [UInt8] = []
        try JSONWriter.stream(try JSONWriter.node(document), chunk: chunk) { streamed += $0 }
        #expect(String(decoding: streamed, as: UTF8.self) + "\n" == JSONOutput.encode(document))
        var whole: [UInt8] = []
        try JSONOutput.stream(document) { whole += $0 }
        #expect(String(decoding: whole, as: UTF8.self) == JSONOutput.foundationEncoding(document))
        #expect(JSONOutput.encode([Twice(), Twice()]) == JSONOutput.foundationEncoding([Twice(), Twice()]))
    }

    /// A long array is made and written on all cores, in runs and batches of items, and is still
    /// the bytes Foundation writes: each item once, in order, with its separators and indentation.
    @Test(arguments: [1, 4096]) func sharedArraysAreTheEncodedJSON(chunk: Int) throws {
        struct Item: LazyJSONItem {
            var name: String
            var tags: [String]
            var nested: [String: Int]
            var diff: DeferredText
        }
        struct Document: Encodable {
            var items: JSONList<Item>
            var empty: JSONList<Item> = []
            var one: JSONList<Item>
        }
        let items = (0..<5000).map { index in
            Item(name: "item \"\(index)\"\n", tags: (0..<(index % 4)).map { "t\($0)/x" }, nested: ["b": index, "a": -index],
                 diff: DeferredText { "--- a/\(index)\n+++ b/\(index)\n" })
        }
        let document = Document(items: JSONList(items), one: [items[0]])
        var streamed: [UInt8] = []
        try JSONWriter.stream(try JSONWriter.node(document), chunk: chunk, sharedFrom: 1) { streamed += $0 }
        #expect(String(decoding: streamed, as: UTF8.self) + "\n" == JSONOutput.foundationEncoding(document))
        #expect(JSONOutput.encode(document) == JSONOutput.foundationEncoding(document))
    }

    /// A diff is made each time it is written, and encodes as the string it makes.
    @Test func deferredDiffsEncodeAsTheirText() {
        let file = PlanDocument.File(path: "east/x.yaml", action: .add, diff: DeferredText { "--- /dev/null\n+++ b/x\n" })
        #expect(JSONOutput.encode(file) == JSONOutput.foundationEncoding(file))
        #expect(JSONOutput.encode(file).contains("\"diff\" : \"--- /dev/null\\n+++ b/x\\n\""))
    }

    @Test func jsonIsValidAgainstTheSchema() throws {
        let json = JSONOutput.encode(samplePlan())
        #expect(Golden.mismatch(json, golden: goldens + "plan.json") == nil)
        let folder = NSTemporaryDirectory() + "plan-json-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try json.write(toFile: folder + "/plan.json", atomically: true, encoding: .utf8)
        let check = try Command.run("/usr/bin/env", ["check-jsonschema", "--schemafile", PackagePaths.root + "/schema/plan.schema.json", folder + "/plan.json"])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }
}
