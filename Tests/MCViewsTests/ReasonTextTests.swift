import MCDiagnostics
import MCMesh
import MCPlanning
import Testing

@testable import MCViews

/// The wording of every reason a plan can carry (the plan itself holds them as data).
@Suite struct ReasonTextTests {
    private static let line12 = SourceRange(start: .init(line: 12, column: 5), end: .init(line: 12, column: 9))

    @Test(arguments: [
        (ChangeReason.rendered(Origin(.trustAnchors(cluster: "east", anchors: ["root", "next"]), at: line12)),
         "trust anchors of 'east' (root, next) (topology.yaml:12)"),
        (.rendered(Origin(.link(source: "west", target: "east"), at: line12)), "link west → east (topology.yaml:12)"),
        (.rendered(Origin(.split(service: "podinfo", cluster: "west", namespace: "test"), at: line12)),
         "split of 'podinfo' in west/test (topology.yaml:12)"),
        (.removed(.link(source: "west", target: "east")), "link west → east removed"),
        (.removed(.credentials(target: "east")), "credentials source of 'east' removed"),
        (.removed(.cluster("east")), "cluster 'east' removed"),
        (.removed(.split(name: "podinfo", cluster: "west", namespace: "test", renderedAnew: false)), "split 'podinfo' in west/test removed"),
        (.removed(.split(name: "podinfo", cluster: "west", namespace: "test", renderedAnew: true)),
         "split 'podinfo' in west/test now renders as another kind or version"),
        (.removed(.unknown), "no longer rendered from the topology"),
    ])
    func wording(reason: ChangeReason, expected: String) {
        #expect(ReasonText.describe(reason, sourcePath: "topology.yaml") == expected)
    }
}
