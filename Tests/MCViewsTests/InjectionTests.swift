import MCBasics
import MCDiagnostics
import Testing

@testable import MCViews

/// User text cannot forge output: control characters and bidi overrides are escaped in every
/// diagnostic line, and markdown keeps it inside a fence it cannot close.
@Suite struct InjectionTests {
    private static let forged = "x\u{1B}[2K\rtopology.yaml:1:1: error[MC999]: forged\nNo changes.\u{202E}txt"

    @Test func diagnosticTextEscapesControlCharacters() {
        let source = SourceFile(path: "topology.yaml", text: "name: x\n")
        let diagnostic = Diagnostic(.invalidName, "invalid cluster name '\(Self.forged)'", file: "topology.yaml",
                                    range: SourceRange(start: .init(line: 1, column: 7), end: .init(line: 1, column: 8)),
                                    label: Self.forged, notes: [.init(Self.forged, file: "topology.yaml", range: .fileStart)], hint: Self.forged)
        let text = DiagnosticTextView(sources: [source], style: .plain).render([diagnostic])
        #expect(!text.unicodeScalars.contains { $0 == "\u{1B}" || $0 == "\r" || $0 == "\u{202E}" })
        #expect(text.contains("x\\e[2K\\rtopology.yaml:1:1: error[MC999]: forged\\nNo changes.\\u{202E}txt"))
        #expect(!text.contains("\nNo changes."), "no forged line")
    }

    @Test(arguments: ["plain", "a ``` run", "````` five", "`"])
    func fencesOutlastEveryBacktickRun(text: String) {
        let fence = VisibleText.fence(for: text)
        #expect(fence.count >= 3)
        #expect(!text.contains(fence))
    }

    @Test func markdownKeepsDiagnosticsInsideTheirFence() throws {
        let record = DiagnosticRecord(Diagnostic(.invalidName, "invalid cluster name '```\n### injected\n<img src=x>'", file: "topology.yaml", range: .fileStart))
        var document = PlanDocument(toolName: "mcplan", toolVersion: "0", topologyPath: "topology.yaml", topologyDigest: nil, rendered: "rendered",
                                    base: .init(commit: nil, renderedTree: nil), plan: nil, diagnostics: [])
        document.diagnostics = [record]
        let markdown = PlanMarkdownView().render(document)
        let fence = try #require(markdown.split(separator: "\n").first { $0.hasPrefix("```") })
        #expect(fence.count > 3)
        #expect(!markdown.contains("\n### injected"))
    }

    /// A committed file may hold anything: its diff lines are escaped, line breaks kept.
    @Test func planDiffsEscapeControlCharacters() {
        var document = PlanDocument(toolName: "mcplan", toolVersion: "0", topologyPath: "topology.yaml", topologyDigest: nil, rendered: "rendered",
                                    base: .init(commit: nil, renderedTree: nil), plan: nil, diagnostics: [])
        document.files = [.init(path: "east/x.yaml", action: .change, diff: "--- a/x\n+++ b/x\n-\u{1B}[2Kforged\n+plain\n")]
        let text = PlanTextView(style: .plain).render(document)
        #expect(text.contains("--- a/x\n+++ b/x\n-\\e[2Kforged\n+plain\n"))
        #expect(!text.unicodeScalars.contains("\u{1B}"))
    }
}
