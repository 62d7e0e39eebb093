import MCPlanning
import Testing

@testable import MCViews

/// The plan's items that write their own JSON fields write what their `Encodable` conformance
/// makes Foundation write, alone and in a long list: the same keys, order, nulls and escapes.
@Suite struct JSONFieldsTests {
    private static let awkward = "a \"b\"\\c/\n\u{1}é"

    private struct Items: Encodable {
        var changes: JSONList<PlanDocument.Change>
        var files: JSONList<PlanDocument.File>
        var drift: JSONList<PlanDocument.Drift>
        var links: JSONList<PlanDocument.Link>
        var clusters: JSONList<PlanDocument.Mesh.Cluster>
        var meshLinks: JSONList<PlanDocument.Mesh.Link>
        var exports: JSONList<PlanDocument.Mesh.Export>
        var mirrors: JSONList<PlanDocument.Mesh.Mirror>
        var credentials: JSONList<PlanDocument.Mesh.Credential>
        var wiring: JSONList<PlanDocument.Mesh.Wiring>
        var risks: JSONList<PlanDocument.Mesh.Risk>
    }

    private static func items(count: Int) -> Items {
        let text = awkward
        return Items(
            changes: JSONList(count: count) {
                PlanDocument.Change(cluster: "east\($0)", action: .add, apiVersion: "v1", kind: "Service",
                                    namespace: $0 % 2 == 0 ? nil : "apps", name: text, path: "east/apps/x.yaml", reason: text)
            },
            files: JSONList(count: count) { index in PlanDocument.File(path: "east/\(index).yaml", action: .change, diff: DeferredText { "--- a\n+++ b\n\(text)" }) },
            drift: JSONList(count: count) { PlanDocument.Drift(path: "east/\($0)", kind: $0 % 2 == 0 ? .edited : .unowned, detail: text) },
            links: JSONList(count: count) { PlanDocument.Link(source: "west\($0)", target: "east", status: "ready") },
            clusters: JSONList(count: count) { PlanDocument.Mesh.Cluster(name: "c\($0)", action: .remove) },
            meshLinks: JSONList(count: count) { index in
                let side = PlanDocument.Mesh.LinkSide(mode: "gateway", gatewayAddress: "10.0.0.\(index)", gatewayPort: index % 2 == 0 ? nil : "4143",
                                                      gatewayIdentity: nil)
                return PlanDocument.Mesh.Link(source: "west", target: "east", action: .change, mode: "gateway",
                                              before: index % 3 == 0 ? nil : side, after: side)
            },
            exports: JSONList(count: count) {
                PlanDocument.Mesh.Export(cluster: "east", namespace: "apps", service: "s\($0)", mode: "gateway", action: .add,
                                         mirroredBy: Array(["west", text, "north"].prefix($0 % 4)))
            },
            mirrors: JSONList(count: count) { PlanDocument.Mesh.Mirror(cluster: "west", namespace: "apps", service: "s\($0)", from: "east,north", action: .change) },
            credentials: JSONList(count: count) { PlanDocument.Mesh.Credential(cluster: "west\($0)", store: "vault", key: text) },
            wiring: JSONList(count: count) { PlanDocument.Mesh.Wiring(kind: "Application", name: "mesh-\($0)", action: .add) },
            risks: JSONList(count: count) { PlanDocument.Mesh.Risk(kind: "linkRemoved", cluster: "west\($0)", detail: text) })
    }

    /// Short lists are encoded through the tree, long ones item by item on all cores: both ways
    /// each item writes its own fields.
    @Test(arguments: [0, 1, 3, JSONWriter.lazyFrom + 5])
    func itemsWriteWhatFoundationWrites(count: Int) throws {
        let items = Self.items(count: count)
        let expected = JSONOutput.foundationEncoding(items)
        #expect(JSONOutput.encode(items) == expected)
        var streamed: [UInt8] = []
        try JSONOutput.stream(items) { streamed += $0 }
        #expect(String(decoding: streamed, as: UTF8.self) == expected)
    }

    /// A write that fails stops the stream where it failed, in a long list written on all cores
    /// (where the write runs beside the making of the next items) as anywhere.
    @Test(arguments: [1, 2, 5]) func aFailedWriteStopsTheStream(failing: Int) {
        struct Full: Error {}
        let items = Self.items(count: 3000)
        var calls = 0
        #expect(throws: Full.self) {
            try JSONWriter.stream(try JSONWriter.node(items), chunk: 1 << 12, sharedFrom: 1) { _ in
                calls += 1
                if calls == failing { throw Full() }
            }
        }
        #expect(calls == failing)
    }

    /// A list made from the plan reads as the items it makes, in order.
    @Test func listsReadAsTheirItems() {
        let list = JSONList([3, 1, 2].map { PlanDocument.Mesh.Cluster(name: "c\($0)", action: .add) })
        #expect(list.map(\.name) == ["c3", "c1", "c2"])
        let made = JSONList(count: 4) { PlanDocument.Mesh.Cluster(name: "c\($0)", action: .remove) }
        #expect(made.count == 4 && made[2].name == "c2" && made.filter { $0.name != "c0" }.count == 3)
    }
}
