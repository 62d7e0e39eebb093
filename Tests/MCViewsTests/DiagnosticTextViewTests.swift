import Foundation
import MCDiagnostics
import MCTestSupport
import Testing

@testable import MCViews

private let goldens = PackagePaths.root + "/Tests/MCViewsTests/Goldens/"

private func range(_ line: Int, _ column: Int, _ endColumn: Int) -> SourceRange {
    SourceRange(start: SourcePosition(line: line, column: column), end: SourcePosition(line: line, column: endColumn))
}

private let source = SourceFile(path: "topology.yaml", text: """
apiVersion: mcplan/v1
kind: Topology
clusters:
  - name: west
  - name: west
links:
  - source: west
    target: esat
secret: |
  -----BEGIN PRIVATE KEY-----
  MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
  -----END PRIVATE KEY-----
\ttabbed: 日本 x

""")

private let sample: [Diagnostic] = [
    Diagnostic(.unknownCluster, "link target 'esat' is not a cluster; did you mean 'east'?", file: "topology.yaml",
               range: range(8, 13, 17), label: "not a cluster", hint: "declare cluster 'esat' or fix the name"),
    Diagnostic(.duplicateDefinition, "cluster 'west' is declared twice", file: "topology.yaml", range: range(5, 11, 15),
               label: "declared again", notes: [.init("'west' first declared here", file: "topology.yaml", range: range(4, 11, 15))],
               hint: "rename or remove one of them"),
    Diagnostic(.secretMaterial, "private key material in the topology", file: "topology.yaml", range: range(11, 3, 20),
               hint: "remove it; keep keys in a secret store"),
    Diagnostic(.unmirroredExport, "export of 'x' is mirrored by no link", file: "topology.yaml", range: range(13, 13, 14),
               label: "here"),
    Diagnostic(.unreadableInput, "cannot read 'other.yaml': no such file", file: "other.yaml", range: .fileStart),
]

@Suite struct DiagnosticTextViewTests {
    @Test func plainTextMatchesGolden() {
        let text = DiagnosticTextView(sources: [source], style: .plain).render(sample.sorted())
        #expect(Golden.mismatch(text, golden: goldens + "diagnostics.txt") == nil)
    }

    @Test func colouredTextMatchesGolden() {
        let text = DiagnosticTextView(sources: [source], style: TerminalStyle(isEnabled: true)).render(sample.sorted())
        #expect(text.contains("\u{1B}["))
        #expect(Golden.mismatch(text, golden: goldens + "diagnostics-colour.txt") == nil)
    }

    @Test func headerLineIsParseable() {
        let text = DiagnosticTextView(sources: [source], style: .plain).render(sample[0])
        #expect(text.hasPrefix("topology.yaml:8:13: error[MC202]: link target 'esat' is not a cluster; did you mean 'east'?\n"))
        #expect(text.contains("\n8 |     target: esat\n  |             ^^^^ not a cluster\n"))
    }

    @Test func linesWithKeyMaterialAreRedacted() {
        let text = DiagnosticTextView(sources: [source], style: .plain).render(sample[2])
        #expect(text.contains("<redacted>"))
        #expect(!text.contains("MIIEvQIBADANBgkqhkiG9w0BAQEFAASC"))
    }

    @Test func colourDecision() {
        #expect(TerminalStyle.decide(isTerminal: true, noColorFlag: false, environment: [:]).isEnabled)
        #expect(!TerminalStyle.decide(isTerminal: false, noColorFlag: false, environment: [:]).isEnabled)
        #expect(!TerminalStyle.decide(isTerminal: true, noColorFlag: true, environment: [:]).isEnabled)
        #expect(!TerminalStyle.decide(isTerminal: true, noColorFlag: false, environment: ["NO_COLOR": "1"]).isEnabled)
        #expect(!TerminalStyle.decide(isTerminal: true, noColorFlag: false, environment: ["TERM": "dumb"]).isEnabled)
    }

    @Test func jsonRecordsCarryEveryField() throws {
        let json = JSONOutput.encode(sample.sorted().map(DiagnosticRecord.init))
        #expect(Golden.mismatch(json, golden: goldens + "diagnostics.json") == nil)
        let decoded = try JSONDecoder().decode([DiagnosticRecord].self, from: Data(json.utf8))
        #expect(decoded[1].notes.first?.line == 4)
    }
}
