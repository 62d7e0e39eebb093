import MCDiagnostics
import MCTestSupport
import MCYAML
import Testing

@testable import MCLoading

@Suite struct RobustnessTests {
    /// Mutated examples (bytes flipped, inserted, deleted, lines duplicated) never crash or hang
    /// the front end, and every problem comes back as a diagnostic with a position in the file.
    @Test(arguments: PackagePaths.exampleNames())
    func mutatedExamplesProduceDiagnosticsNotCrashes(example: String) throws {
        let original = Array(try String(contentsOfFile: "\(PackagePaths.examples)/\(example)/topology.yaml", encoding: .utf8).utf8)
        var random = SplitMix64(seed: UInt64(original.count))
        let alphabet = Array(":-[]{}&*!|>'\"#%@`, \n\t?0aZ~é\u{0}".utf8)
        for _ in 0..<300 {
            var bytes = original
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<bytes.count, using: &random)
                switch Int.random(in: 0..<4, using: &random) {
                case 0: bytes[at] = alphabet.randomElement(using: &random)!
                case 1: bytes.insert(alphabet.randomElement(using: &random)!, at: at)
                case 2: bytes.remove(at: at)
                default:
                    let lineStart = bytes[..<at].lastIndex(of: 10).map { $0 + 1 } ?? 0
                    let lineEnd = bytes[at...].firstIndex(of: 10).map { $0 + 1 } ?? bytes.count
                    bytes.insert(contentsOf: Array(bytes[lineStart..<lineEnd]), at: lineStart)
                }
            }
            let parsed = YAMLParser.parse(bytes, path: "t.yaml")
            var diagnostics = parsed.diagnostics
            if let root = parsed.root { diagnostics += TopologyLoader.load(root, path: "t.yaml").diagnostics }
            let lines = bytes.split(separator: 10, omittingEmptySubsequences: false).count
            for diagnostic in diagnostics {
                #expect(diagnostic.range.start.line >= 1 && diagnostic.range.start.line <= lines + 1)
                #expect(diagnostic.range.start.column >= 1)
            }
        }
    }
}
