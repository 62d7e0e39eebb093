import MCDiagnostics
import MCYAML
import Testing

@testable import MCLoading

/// Whatever the input, the diagnostics kept are bounded; the rest are counted.
@Suite struct DiagnosticBoundsTests {
    @Test func aLongListOfBrokenEntriesKeepsAHundredAndCountsTheRest() throws {
        let text = "apiVersion: mcplan/v1\nkind: Topology\nclusters: []\nlinks:\n" + String(repeating: "  - 1\n", count: 5_000)
        let root = try #require(YAMLParser.parse(Array(text.utf8), path: "t.yaml").root)
        let loaded = TopologyLoader.load(root, path: "t.yaml")
        #expect(loaded.diagnostics.count == Diagnostics.perCode)
        #expect(loaded.diagnostics.allSatisfy { $0.code == .wrongType })
        #expect(loaded.omitted == [.wrongType: 5_000 - Diagnostics.perCode])
    }

    @Test func theTotalIsBoundedAcrossCodes() {
        var diagnostics = Diagnostics()
        for code in DiagnosticCode.allCases {
            for index in 0..<200 { diagnostics.append(Diagnostic(code, "\(index)", file: "t", range: .fileStart)) }
        }
        #expect(diagnostics.all.count == Diagnostics.total)
        #expect(diagnostics.all.count + diagnostics.omitted.values.reduce(0, +) == DiagnosticCode.allCases.count * 200)
        #expect(diagnostics.hasErrors)
    }
}
