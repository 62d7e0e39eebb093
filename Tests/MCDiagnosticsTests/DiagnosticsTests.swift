import Testing

@testable import MCDiagnostics

@Suite struct SuggestionTests {
    @Test(arguments: [
        ("esat", ["east", "west"], "east"), ("trustAnchor", ["trustAnchors", "name"], "trustAnchors"),
        ("gatway", ["gateway", "remote-discovery"], "gateway"), ("servce", ["service", "services"], "service"),
        ("Secretstore", ["SecretStore", "ClusterSecretStore"], "SecretStore"),
    ])
    func suggestsCloseNames(word: String, candidates: [String], expected: String) {
        #expect(Suggestion.closest(to: word, among: candidates) == expected)
    }

    @Test(arguments: [("zzz", ["east", "west"]), ("paris", ["london"]), ("a", ["bcd"])])
    func staysQuietWhenNothingIsClose(word: String, candidates: [String]) {
        #expect(Suggestion.closest(to: word, among: candidates) == nil)
    }
}

@Suite struct SourceFileTests {
    @Test func splitsOnEveryLineBreak() {
        let file = SourceFile(path: "x", text: "a\nb\r\nc\rd")
        #expect(file.lineCount == 4)
        #expect((1...4).map { file.line($0).map(String.init) } == ["a", "b", "c", "d"])
        #expect(file.line(5) == nil && file.line(0) == nil)
    }

    @Test func diagnosticsSortByPositionAndDropRepeats() {
        let a = Diagnostic(.unknownField, "a", file: "t", range: .init(start: .init(line: 3, column: 1), end: .init(line: 3, column: 2)))
        let b = Diagnostic(.wrongType, "b", file: "t", range: .init(start: .init(line: 1, column: 5), end: .init(line: 1, column: 6)))
        var diagnostics = Diagnostics()
        diagnostics.append(contentsOf: [a, b, a])
        #expect(diagnostics.sorted == [b, a])
        #expect(diagnostics.hasErrors)
    }

    @Test func severityFollowsTheCode() {
        #expect(DiagnosticCode.allCases.filter { $0.severity == .warning }.map(\.rawValue)
            == ["MC900", "MC901", "MC902", "MC903", "MC904", "MC905"])
    }
}
