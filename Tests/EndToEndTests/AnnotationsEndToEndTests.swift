import Foundation
import MCTestSupport
import Testing

/// `mcplan -o github` and `-o sarif`: every diagnostic where CI shows it.
@Suite struct AnnotationsEndToEndTests {
    /// east-west with both clusters naming a trust anchor that does not exist: two errors and a warning.
    private func invalidExample() throws -> String {
        let repo = try repositoryWithExample("east-west")
        let path = repo + "/topology.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "trustAnchors: [root]", with: "trustAnchors: [rot]").write(toFile: path, atomically: true, encoding: .utf8)
        return repo
    }

    @Test func githubWorkflowCommands() throws {
        let repo = try invalidExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let expected: [String] = [
                "::warning file=topology.yaml,line=8,col=11,endLine=8,endColumn=15,title=MC902::trust anchor 'root' is trusted by no cluster"
                    + "%0Ahint: add it to a cluster's trustAnchors, or remove it once a rotation is finished%0Ahelp: docs/diagnostics.md#mc902",
                "::error file=topology.yaml,line=13,col=20,endLine=13,endColumn=23,title=MC203::trust anchor 'rot' of cluster 'east' is not declared; "
                    + "did you mean 'root'?%0Ahint: write 'root'%0Ahelp: docs/diagnostics.md#mc203",
                "::error file=topology.yaml,line=23,col=20,endLine=23,endColumn=23,title=MC203::trust anchor 'rot' of cluster 'west' is not declared; "
                    + "did you mean 'root'?%0Ahint: write 'root'%0Ahelp: docs/diagnostics.md#mc203",
        ]
        for arguments in [["-o", "github"], ["--check", "-o", "github"]] {
            let result = try Command.product("mcplan", ["-C", repo] + arguments)
            #expect(result.status == 1)
            let lines = result.stdout.split(separator: "\n").map(String.init)
            #expect(lines == expected, "\(arguments)")
        }
    }

    /// A valid plan: its risks as warnings and the summary as a notice.
    @Test func githubSummaryAndRisks() throws {
        let repo = try repositoryWithExample("fleet")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try git(repo, ["add", "-A"])
        try git(repo, ["commit", "-q", "-m", "topology"])
        #expect(try Command.product("mcapply", ["-C", repo, "--commit"]).status == 0)
        let path = repo + "/topology.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "spoke-us-3, spoke-us-4]", with: "spoke-us-3]").write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Command.product("mcplan", ["-C", repo, "-o", "github"])
        #expect(result.status == 0)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("::warning title=mcplan%3A link-removed::link spoke-us-4 → hub-us removed: Linkerd leaves ") })
        #expect(lines.last == "::notice title=mcplan::Plan: 1 link removed (1 cluster loses 3 services), 0 to add, 0 to change, 7 to destroy across 2 clusters.")
    }

    /// A message cannot start a workflow command of its own: line breaks become %0A.
    @Test func githubMessagesCannotInjectCommands() throws {
        let repo = try repositoryWithExample("east-west")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let path = repo + "/topology.yaml"
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "trustAnchors: [root]\n    issuer: {file: certs/east-issuer.crt}",
                                      with: "trustAnchors: [\"x\\n::error::forged\"]\n    issuer: {file: certs/east-issuer.crt}")
            .write(toFile: path, atomically: true, encoding: .utf8)
        let result = try Command.product("mcplan", ["-C", repo, "--check", "-o", "github"])
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::error file=") || $0.hasPrefix("::warning file=") }, "\(result.stdout)")
    }

    /// With MCPLAN_SOURCE_URL, the markdown of an invalid topology links each diagnostic to its line.
    @Test func markdownLinksDiagnosticsToTheirLines() throws {
        let repo = try invalidExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let url = "https://github.com/example/mesh/blob/0123abc/"
        let result = try Command.product("mcplan", ["-C", repo, "-o", "markdown"], environment: ["MCPLAN_SOURCE_URL": url])
        #expect(result.status == 1)
        #expect(result.stdout.contains("- [topology.yaml:13:20](\(url)topology.yaml#L13) error MC203\n"), "\(result.stdout)")
        let plain = try Command.product("mcplan", ["-C", repo, "-o", "markdown"])
        #expect(!plain.stdout.contains("](") && plain.stdout.contains("topology.yaml:13:20: error[MC203]"))
    }

    @Test func sarifIsValidAgainstTheOfficialSchema() throws {
        let repo = try invalidExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let result = try Command.product("mcplan", ["-C", repo, "--check", "-o", "sarif"])
        #expect(result.status == 1)
        let file = repo + "/../mcplan-\(UUID().uuidString).sarif"
        defer { try? FileManager.default.removeItem(atPath: file) }
        try result.stdout.write(toFile: file, atomically: true, encoding: .utf8)
        let check = try Command.run("/usr/bin/env", ["check-jsonschema", "--schemafile", PackagePaths.root + "/Tests/Schemas/sarif-schema-2.1.0.json", file])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(log["version"] as? String == "2.1.0")
        let run = try #require((log["runs"] as? [[String: Any]])?.first)
        let results = try #require(run["results"] as? [[String: Any]])
        #expect(results.map { $0["ruleId"] as? String } == ["MC902", "MC203", "MC203"])
        #expect(results.map { $0["level"] as? String } == ["warning", "error", "error"])
        let rules = try #require(((run["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.map { $0["id"] as? String } == ["MC203", "MC902"])
        let location = (results[1]["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
        #expect((location?["region"] as? [String: Int]) == ["startLine": 13, "startColumn": 20, "endLine": 13, "endColumn": 23])
    }
}
