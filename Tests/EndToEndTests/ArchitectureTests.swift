import Foundation
import MCTestSupport
import Testing

/// The import rules of the layout (README's Layout section), read from the sources themselves.
@Suite struct ArchitectureTests {
    /// Each module's imports, from its `import` lines.
    private static let imports: [String: Set<String>] = {
        let sources = PackagePaths.root + "/Sources"
        var result: [String: Set<String>] = [:]
        for module in (try? FileManager.default.contentsOfDirectory(atPath: sources)) ?? [] {
            guard let files = FileManager.default.enumerator(atPath: sources + "/" + module) else { continue }
            var names = Set<String>()
            for case let file as String in files where file.hasSuffix(".swift") {
                let text = (try? String(contentsOfFile: sources + "/" + module + "/" + file, encoding: .utf8)) ?? ""
                for line in text.split(separator: "\n") {
                    let words = line.split(separator: " ")
                    if let index = words.firstIndex(of: "import"), index + 1 < words.count, words[..<index].allSatisfy({ $0.hasPrefix("@") }) {
                        names.insert(String(words[index + 1]))
                    }
                }
            }
            result[module] = names
        }
        return result
    }()

    @Test func commandsImportPipelineViewsAndArgumentParserOnly() {
        let own = Self.imports["MCCommands", default: []].filter { $0.hasPrefix("MC") || $0.hasPrefix("C") }
        #expect(own == ["MCPipeline", "MCViews"])
    }

    @Test func onlyTheStoreImportsGitAndOnlyGitImportsLibgit2AndZlib() {
        #expect(Set(Self.imports.filter { $0.value.contains("MCGit") }.keys) == ["MCStore"])
        #expect(Set(Self.imports.filter { $0.value.contains("CGit2") }.keys) == ["MCGit"])
        #expect(Set(Self.imports.filter { $0.value.contains("CLibYAML") }.keys) == ["MCYAML"])
        #expect(Set(Self.imports.filter { $0.value.contains("CZlib") }.keys) == ["MCGit"])
    }

    @Test func nothingBelowThePipelineImportsTheStore() {
        let above: Set = ["MCStore", "MCPipeline", "MCViews", "MCCommands", "mcplan", "mcapply", "MCTestSupport"]
        let importers = Set(Self.imports.filter { $0.value.contains("MCStore") }.keys)
        #expect(importers.isSubset(of: above.subtracting(["MCStore"])))
    }

    /// Planning reads an object's role from MCMesh; it never spells a derived name itself.
    @Test func planningNamesNoResourcePrefix() throws {
        let folder = PackagePaths.root + "/Sources/MCPlanning"
        for file in try FileManager.default.contentsOfDirectory(atPath: folder) where file.hasSuffix(".swift") {
            let text = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            for prefix in ["cluster-credentials-", "linkerd-service-mirror-remote-access-", "linkerd-identity-trust-roots", "\"Link\"", "-token"] {
                #expect(!text.contains(prefix), "\(file) names \(prefix)")
            }
        }
    }
}
