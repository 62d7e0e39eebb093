import Foundation
import MCTestSupport
import Testing

/// git with a fixed identity and clock, so commit ids (and so plan outputs) are reproducible.
@discardableResult
func git(_ repo: String, _ arguments: [String]) throws -> CommandResult {
    let result = try Command.run("/usr/bin/env", ["git", "-C", repo] + arguments, environment: [
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com", "GIT_COMMITTER_NAME": "Test",
        "GIT_COMMITTER_EMAIL": "test@example.com", "GIT_AUTHOR_DATE": "2026-11-01T00:00:00Z",
        "GIT_COMMITTER_DATE": "2026-11-01T00:00:00Z", "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent",
    ])
    #expect(result.status == 0, "git \(arguments): \(result.stderr)")
    return result
}

/// Every file under a folder (`.git` included) with its bytes: to prove a command wrote nothing.
private func everything(_ folder: String) -> [String: [UInt8]] { Golden.readTree(folder) }

private func json(_ text: String) throws -> [String: Any] {
    try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
}

@Suite(.serialized) struct PlanEndToEndTests {
    private let goldens = PackagePaths.root + "/Tests/EndToEndTests/Goldens"

    /// A repository holding east-west with its topology committed; the rendered folder not yet.
    private func repository() throws -> String {
        let repo = try repositoryWithExample("east-west")
        try git(repo, ["add", "-A"])
        try git(repo, ["commit", "-q", "-m", "topology"])
        return repo
    }

    private func renderAndCommit(_ repo: String) throws {
        #expect(try Command.product("mcapply", ["-C", repo]).status == 0)
        try git(repo, ["add", "-A"])
        try git(repo, ["commit", "-q", "-m", "render"])
    }

    @Test func firstPlanOnAnEmptyRepository() throws {
        let repo = try repositoryWithExample("east-west")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let result = try Command.product("mcplan", ["-C", repo, "-o", "json", "--detailed-exitcode"])
        #expect(result.status == 2)
        let document = try json(result.stdout)
        #expect(document["base"] as? [String: NSNull] == ["commit": NSNull(), "renderedTree": NSNull()])
        let summary = try #require(document["summary"] as? [String: Any])
        #expect(summary["add"] as? Int == 10 && summary["change"] as? Int == 0 && summary["destroy"] as? Int == 0)
        #expect(summary["clusters"] as? Int == 2 && summary["hasChanges"] as? Bool == true)
        #expect((document["files"] as? [Any])?.count == 16)
        #expect((document["drift"] as? [Any])?.isEmpty == true)
        let text = try Command.product("mcplan", ["-C", repo])
        #expect(text.status == 0)
        #expect(text.stdout.hasSuffix("Plan: 2 clusters added, 1 link added, 1 export added (1 cluster gains 1 service), 1 split added, "
            + "10 to add, 0 to change, 0 to destroy across 2 clusters.\n"))
    }

    @Test func noChangesAfterApplyAndCommit() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try renderAndCommit(repo)
        let plain = try Command.product("mcplan", ["-C", repo])
        #expect(plain.status == 0 && plain.stdout == "No changes. The rendered folder is up to date.\n")
        #expect(try Command.product("mcplan", ["-C", repo, "--detailed-exitcode"]).status == 0)
        let document = try json(try Command.product("mcplan", ["-C", repo, "-o", "json"]).stdout)
        let head = try git(repo, ["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let tree = try git(repo, ["rev-parse", "HEAD:rendered"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(document["base"] as? [String: String] == ["commit": head, "renderedTree": tree])
        #expect((document["summary"] as? [String: Any])?["hasChanges"] as? Bool == false)
    }

    /// A topology edit: exit 2 with --detailed-exitcode; the text, markdown and JSON views.
    @Test func topologyEditShowsAPlan() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try renderAndCommit(repo)
        let topology = repo + "/topology.yaml"
        var text = try String(contentsOfFile: topology, encoding: .utf8)
        text = text.replacingOccurrences(of: "        weight: 50\n      - service: podinfo\n        cluster: east\n        weight: 50\n",
                                         with: "        weight: 80\n      - service: podinfo\n        cluster: east\n        weight: 20\n")
        text = text.replacingOccurrences(of: "    service: podinfo\n\nsplits:", with: "    services: [podinfo, frontend]\n\nsplits:")
        try text.write(toFile: topology, atomically: true, encoding: .utf8)
        let detailed = try Command.product("mcplan", ["-C", repo, "--detailed-exitcode"])
        #expect(detailed.status == 2)
        #expect(Golden.mismatch(detailed.stdout, golden: goldens + "/plan-edit.txt") == nil)
        let markdown = try Command.product("mcplan", ["-C", repo, "-o", "markdown"])
        #expect(markdown.status == 0)
        #expect(Golden.mismatch(markdown.stdout, golden: goldens + "/plan-edit.md") == nil)
        let out = repo + "/../plan-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let saved = try Command.product("mcplan", ["-C", repo, "-o", "json", "--out", out])
        #expect(saved.status == 0)
        #expect(try String(contentsOfFile: out, encoding: .utf8) == saved.stdout)
        let check = try Command.run("/usr/bin/env", ["check-jsonschema", "--schemafile", PackagePaths.root + "/schema/plan.schema.json", out])
        #expect(check.status == 0, "\(check.stdout)")
        let document = try json(saved.stdout)
        let changes = try #require(document["changes"] as? [[String: Any]])
        #expect(changes.map { "\($0["action"]!) \($0["kind"]!) \($0["cluster"]!)" } == ["change HTTPRoute west"])
        let digest = try #require((document["topology"] as? [String: Any])?["digest"] as? String)
        #expect(digest.hasPrefix("sha256:"))
    }

    @Test func driftFromHandEditsAndUncommittedChanges() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try renderAndCommit(repo)
        let route = repo + "/rendered/west/test/httproute-podinfo.yaml"
        try (try String(contentsOfFile: route, encoding: .utf8)).replacingOccurrences(of: "weight: 50", with: "weight: 70")
            .write(toFile: route, atomically: true, encoding: .utf8)
        try git(repo, ["commit", "-q", "-a", "-m", "hand edit"])
        let link = repo + "/rendered/west/linkerd-multicluster/link-east.yaml"
        try (try String(contentsOfFile: link, encoding: .utf8) + "# note\n").write(toFile: link, atomically: true, encoding: .utf8)
        try "x\n".write(toFile: repo + "/rendered/east/extra.yaml", atomically: true, encoding: .utf8)
        let result = try Command.product("mcplan", ["-C", repo, "-o", "json", "--detailed-exitcode"])
        #expect(result.status == 2)
        let drift = try #require(try json(result.stdout)["drift"] as? [[String: String]])
        #expect(drift.map { "\($0["kind"]!) \($0["path"]!)" } == [
            "uncommitted east/extra.yaml",
            "uncommitted west/linkerd-multicluster/link-east.yaml",
            "edited west/test/httproute-podinfo.yaml",
        ])
        let text = try Command.product("mcplan", ["-C", repo])
        #expect(text.stdout.contains("Drift (changes made outside mcapply):\n"))
        #expect(text.stdout.contains("  ! rendered/west/test/httproute-podinfo.yaml: edited in git since mcapply wrote it\n"))
        #expect(text.stdout.contains("-          weight: 70\n+          weight: 50\n"))
    }

    @Test func baseOnAnOlderCommit() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try renderAndCommit(repo)
        let older = try Command.product("mcplan", ["-C", repo, "--base", "HEAD~1", "-o", "json"])
        #expect(older.status == 0)
        let document = try json(older.stdout)
        #expect((document["summary"] as? [String: Any])?["add"] as? Int == 10)
        #expect((document["base"] as? [String: Any])?["renderedTree"] is NSNull)
        let unknown = try Command.product("mcplan", ["-C", repo, "--base", "no-such-branch"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("error: git_revparse_single(no-such-branch): "))
        // git is read while the topology compiles, but an invalid topology's diagnostics come alone.
        try "kind: Topology\n".write(toFile: repo + "/broken.yaml", atomically: true, encoding: .utf8)
        let invalid = try Command.product("mcplan", ["-C", repo, "-f", "broken.yaml", "--base", "no-such-branch"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("error[MC1") && !invalid.stderr.contains("git_revparse_single"), "\(invalid.stderr)")
    }

    @Test func topologyFromStandardInput() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try renderAndCommit(repo)
        let text = try String(contentsOfFile: repo + "/topology.yaml", encoding: .utf8)
        let result = try Command.product("mcplan", ["-f", "-", "--detailed-exitcode"], in: repo, input: text)
        // Rendered from <stdin>, every file's header names it: every object changes.
        #expect(result.status == 2)
        #expect(result.stdout.contains("-# Generated by mcapply from topology.yaml. Do not edit.\n+# Generated by mcapply from <stdin>. Do not edit.\n"))
    }

    @Test func invalidTopologyGivesJSONDiagnostics() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let topology = repo + "/topology.yaml"
        try (try String(contentsOfFile: topology, encoding: .utf8)).replacingOccurrences(of: "target: east", with: "target: esat")
            .write(toFile: topology, atomically: true, encoding: .utf8)
        let result = try Command.product("mcplan", ["-C", repo, "-o", "json"])
        #expect(result.status == 1)
        #expect(result.stderr.isEmpty)
        let document = try json(result.stdout)
        let diagnostics = try #require(document["diagnostics"] as? [[String: Any]])
        #expect(diagnostics.map { $0["code"] as? String } == ["MC202"])
        #expect((document["changes"] as? [Any])?.isEmpty == true)
        let markdown = try Command.product("mcplan", ["-C", repo, "-o", "markdown"])
        #expect(markdown.status == 1)
        #expect(markdown.stdout.contains("**The topology is invalid; nothing can be planned.**"))
        #expect(markdown.stdout.contains("topology.yaml:30:13: error[MC202]: link target 'esat' is not a cluster; did you mean 'east'?"))
    }

    /// mcplan reads only: the repository, its index and its work tree are byte-identical after.
    @Test func mcplanWritesNothing() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try renderAndCommit(repo)
        try "x\n".write(toFile: repo + "/rendered/east/extra.yaml", atomically: true, encoding: .utf8)
        let before = everything(repo)
        for arguments in [[], ["-o", "json"], ["-o", "markdown"], ["--base", "HEAD~1"], ["--detailed-exitcode"]] {
            _ = try Command.product("mcplan", ["-C", repo] + arguments)
        }
        #expect(everything(repo) == before)
    }

    @Test func outsideGitIsAnError() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in try FileManager.default.contentsOfDirectory(atPath: PackagePaths.examples + "/east-west") {
            try FileManager.default.copyItem(atPath: "\(PackagePaths.examples)/east-west/\(name)", toPath: folder + "/" + name)
        }
        let result = try Command.product("mcplan", ["-C", folder], environment: ["GIT_CEILING_DIRECTORIES": NSTemporaryDirectory()])
        #expect(result.status == 1)
        #expect(result.stderr.contains("is not inside a git work tree"))
    }
}
