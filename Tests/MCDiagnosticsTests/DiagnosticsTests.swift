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

/// Did-you-mean is bounded and says when it cannot choose.
@Suite struct SuggestionBoundsTests {
    @Test func aSwapOfNeighboursIsOneEdit() {
        #expect(Suggestion(for: "hub-su", among: ["hub-us", "hub-ap"]).candidates == ["hub-us"])
    }

    @Test func equallyCloseCandidatesAreAllNamed() {
        // A swap (hub-us) and a substitution (hub-eu) are one edit each.
        let suggestion = Suggestion(for: "hub-su", among: ["hub-eu", "hub-us", "hub-ap"])
        #expect(suggestion.candidates == ["hub-eu", "hub-us"])
        #expect(suggestion.didYouMean == "; did you mean 'hub-eu' or 'hub-us'?")
    }

    @Test func candidatesOfAnotherLengthAreNotCompared() {
        #expect(Suggestion(for: "east", among: ["eastern-europe", "e"]).candidates.isEmpty)
    }

    /// Many names and many typos: each suggestion compares a bounded number of candidates.
    @Test func manyCandidatesStayBounded() {
        let names = (0..<50_000).map { "cluster-\($0)" }
        let suggestion = Suggestion(for: "clustr-49999", among: names)
        #expect(suggestion.candidates.count <= 3)
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
