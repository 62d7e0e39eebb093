import MCDiagnostics
import MCBasics
import MCLoading
import MCTestSupport
import MCYAML
import Testing

@testable import MCValidation

/// A broken entry is reported once, where it is broken; validation does not pile follow-up
/// errors on top of it.
@Suite struct CascadeTests {
    private func diagnostics(_ text: String) throws -> [Diagnostic] {
        let parsed = YAMLParser.parse(Array(text.utf8), path: "topology.yaml")
        let loaded = TopologyLoader.load(try #require(parsed.root), path: "topology.yaml")
        let topology = try #require(loaded.topology)
        let files = ReferencedFileResolver.resolve(topology, base: .root, fileSystem: InMemoryFileSystem(texts: fixtureCertificates))
        let validated = Validator.validate(ValidationInput(topology: topology, source: parsed.source, files: files, now: pinnedNow))
        return (loaded.diagnostics + validated.diagnostics).sorted()
    }

    @Test(arguments: [
        // A cluster written as a bare name is still declared: links to it are not "unknown".
        (header + "clusters:\n  - 1️⃣east\n" + cluster("west") + "links:\n  - {source: west, target: east}\n", DiagnosticCode.wrongType),
        // A misspelt link target does not also make the export "unmirrored" or the backend "unlinked".
        (header + "clusters:\n" + cluster("east") + cluster("west") + "links:\n  - {source: west, target: 1️⃣esat}\n"
            + "exports:\n  - {cluster: east, namespace: t, service: web}\n"
            + "splits:\n  - {cluster: west, namespace: t, service: web, port: 80, backends: [{service: web, cluster: east}]}\n", .unknownCluster),
        // A port of the wrong type is not also "missing".
        (header + "clusters:\n" + cluster("west") + "splits:\n  - {cluster: west, namespace: t, service: web, port: 1️⃣\"80\", backends: [{service: web}]}\n", .wrongType),
        // A link dropped for a bad mode does not make its export "unmirrored".
        (header + "clusters:\n" + cluster("east") + cluster("west") + "links:\n  - {source: west, target: east, mode: 1️⃣gatway}\n"
            + "exports:\n  - {cluster: east, namespace: t, service: web}\n", .invalidValue),
        // A cluster missing its anchors is not also "sharing no anchor" with its peers.
        (header + "clusters:\n" + cluster("east") + "  - 1️⃣name: west\n    gateway: {address: w.example.com}\n"
            + "links:\n  - {source: west, target: east}\n", .missingField),
        // An unknown anchor is not also a failed signature check.
        (header + "clusters:\n  - name: a\n    trustAnchors: [1️⃣roto]\n    issuer: {file: certs/issuer-p256.crt}\n", .unknownTrustAnchor),
    ])
    func brokenEntriesAreReportedOnce(text: String, code: DiagnosticCode) throws {
        let fixture = MarkedText(text)
        let found = try diagnostics(fixture.text).filter { $0.severity == .error }
        #expect(found.map(\.code) == [code], "\(found.map { "\($0.code.rawValue) \($0.range.start) \($0.message)" })")
        #expect(found.first?.range.start == fixture["1"])
    }
}
