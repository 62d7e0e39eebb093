import Foundation
import MCTestSupport
import Testing

/// The environment for mcapply in these tests: no user or system git configuration.
private let isolated = ["HOME": "/nonexistent", "GIT_CONFIG_NOSYSTEM": "1", "XDG_CONFIG_HOME": "/nonexistent"]

private func mcapply(_ repo: String, _ arguments: [String] = [], environment: [String: String] = [:]) throws -> CommandResult {
    try Command.product("mcapply", ["-C", repo] + arguments, environment: isolated.merging(environment) { $1 })
}

/// A shell command that moves `main` to a new commit on top of it without touching the index,
/// as a push into this repository would (for `MCAPPLY_TEST_BEFORE_SWAP`).
func pushMeanwhile(_ repo: String) -> String {
    "cd '\(repo)' && c=$(GIT_AUTHOR_NAME=Other GIT_AUTHOR_EMAIL=o@example.com GIT_COMMITTER_NAME=Other GIT_COMMITTER_EMAIL=o@example.com "
        + "git commit-tree -p HEAD -m 'pushed meanwhile' 'HEAD^{tree}') && git update-ref refs/heads/main \"$c\""
}

private func head(_ repo: String) throws -> String {
    try git(repo, ["rev-parse", "HEAD"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
}

@Suite(.serialized) struct ApplyCommitEndToEndTests {
    /// east-west with its topology committed.
    private func repository() throws -> String {
        let repo = try repositoryWithExample("east-west")
        try git(repo, ["add", "-A"])
        try git(repo, ["commit", "-q", "-m", "topology"])
        return repo
    }

    @Test func firstCommitOnAnEmptyRepository() throws {
        let repo = try repositoryWithExample("east-west")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try git(repo, ["add", "topology.yaml"])
        let result = try mcapply(repo, ["--commit", "-o", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["action"] as? String == "committed" && report["branch"] as? String == "main")
        #expect(report["commit"] as? String == (try head(repo)))
        #expect(report["summary"] as? [String: Int] == ["add": 10, "change": 0, "destroy": 0])
        let paths = try git(repo, ["show", "--name-only", "--format=", "HEAD"]).stdout.split(separator: "\n")
        #expect(paths.count == 16 && paths.allSatisfy { $0.hasPrefix("rendered/") })
        #expect(try git(repo, ["status", "--porcelain", "--", "rendered"]).stdout.isEmpty)
        #expect(try git(repo, ["status", "--porcelain", "topology.yaml"]).stdout == "A  topology.yaml\n", "staged work stays staged, uncommitted")
        #expect(try git(repo, ["fsck", "--strict", "--no-dangling"]).status == 0)
        let message = try git(repo, ["log", "-1", "--format=%an <%ae>%n%B"]).stdout
        #expect(message.hasPrefix("mcapply <mcapply@localhost>\nmcapply: 10 to add, 0 to change, 0 to destroy\n\nmesh:\n  + cluster east added\n"))
        #expect(message.contains("\n  + export east test/podinfo (gateway) added, mirrored by west\n  + west gains test/podinfo-east (from east)\n"))
        #expect(message.contains("\n\neast:\n"))
        #expect(message.contains("\n  + Link linkerd-multicluster/east (link west → east (topology.yaml:29))\n"))
        #expect(message.contains("\nTopology-Digest: sha256:") && message.contains("\nPlan-Digest: sha256:"))
    }

    /// A first apply of 100 clusters lists 1,000 changes, the first 500 of the mesh section the
    /// plan prints and 500 objects, and counts the rest: the mesh lines it left out, the objects
    /// of the cluster it stopped in, the clusters it left out.
    @Test func longMessageListsAThousandChanges() throws {
        let repo = try repositoryWithExample("fleet")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try LargeMarkdownEndToEndTests.hubsAndSpokes(address: 1, local: 70).write(toFile: repo + "/topology.yaml", atomically: true, encoding: .utf8)
        try git(repo, ["add", "-A"])
        try git(repo, ["commit", "-q", "-m", "topology"])
        let plan = try Command.product("mcplan", ["-C", repo, "--no-color"]).stdout
        let planMesh = plan.split(separator: "\n\n").first { $0.hasPrefix("Mesh\n") }!.split(separator: "\n").dropFirst()
        #expect(planMesh.count > 600)
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        let message = try git(repo, ["log", "-1", "--format=%B"]).stdout
        let sections = message.split(separator: "\n\n")
        let added = try #require(sections[0].wholeMatch(of: /mcapply: (\d+) to add, 0 to change, 0 to destroy/))
        let mesh = sections[1].split(separator: "\n")
        #expect(mesh.first == "mesh:" && mesh.count == 502)
        #expect(Array(mesh[1...500]) == Array(planMesh.prefix(500)))
        #expect(mesh.last == "  … and \(planMesh.count - 500) more")
        let clusters = sections.dropFirst(2).filter { $0.contains(":\n  ") }
        let listed = clusters.reduce(0) { $0 + $1.split(separator: "\n").filter { $0.hasPrefix("  + ") }.count }
        #expect(listed == 500)
        let cut = clusters.last?.split(separator: "\n").last?.wholeMatch(of: /\ \ … and (\d+) more/).map { Int($0.1)! } ?? 0
        let rest = try #require(sections.first { $0.hasPrefix("… and ") }?.wholeMatch(of: /… and (\d+) more clusters with (\d+) changes/))
        #expect(clusters.count + Int(rest.1)! == 100)
        #expect(listed + cut + Int(rest.2)! == Int(added.1)!, "every object is listed or counted")
        #expect(message.utf8.count < 200_000)
        #expect(message.contains("\nTopology-Digest: sha256:") && message.contains("\nPlan-Digest: sha256:"))
    }

    @Test func secondApplyMakesNoCommit() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        let tip = try head(repo)
        let again = try mcapply(repo, ["--commit"])
        #expect(again.status == 0 && again.stdout == "No changes. main already holds this render; nothing to commit.\n")
        #expect(try head(repo) == tip)
    }

    /// A removed split's file goes from disk, whether the folder was proved to hold exactly the
    /// commit (not walked) or holds an ignored file besides (walked, and the file goes too): the
    /// folder then holds exactly what git tracks.
    @Test(arguments: [false, true]) func removedFilesGoWithOrWithoutAWalk(ignoredStray: Bool) throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        let topology = try String(contentsOfFile: repo + "/topology.yaml", encoding: .utf8)
        try String(topology[..<topology.range(of: "splits:")!.lowerBound]).write(toFile: repo + "/topology.yaml", atomically: true, encoding: .utf8)
        if ignoredStray {
            try "*.bak\n".write(toFile: repo + "/.gitignore", atomically: true, encoding: .utf8)
            try "x\n".write(toFile: repo + "/rendered/west/stray.bak", atomically: true, encoding: .utf8)
        }
        let result = try mcapply(repo, ["--commit"])
        #expect(result.status == 0 && result.stdout.contains("1 to destroy"), "\(result.stdout)\(result.stderr)")
        let tracked = try git(repo, ["ls-files", "rendered"]).stdout.split(separator: "\n").map(String.init).sorted()
        let files = try #require(FileManager.default.subpathsOfDirectory(atPath: repo + "/rendered").filter { path in
            var folder: ObjCBool = false
            return FileManager.default.fileExists(atPath: repo + "/rendered/" + path, isDirectory: &folder) && !folder.boolValue
        }).map { "rendered/" + $0 }.sorted()
        #expect(files == tracked)
        #expect(!tracked.contains { $0.contains("httproute") || $0.contains("trafficsplit") })
        #expect(try git(repo, ["status", "--porcelain", "--ignored", "--", "rendered"]).stdout.isEmpty)
    }

    /// Unrelated staged and unstaged changes survive untouched and stay out of the commit.
    @Test func unrelatedChangesSurvive() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try "edited\n".write(toFile: repo + "/README.md", atomically: true, encoding: .utf8)
        try "new\n".write(toFile: repo + "/staged.txt", atomically: true, encoding: .utf8)
        try git(repo, ["add", "staged.txt"])
        let before = try git(repo, ["status", "--porcelain"]).stdout
        let result = try mcapply(repo, ["--commit", "-m", "render", "--author", "CI Bot <ci@example.com>"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try git(repo, ["status", "--porcelain"]).stdout == before)
        #expect(try git(repo, ["show", "--name-only", "--format=", "HEAD"]).stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("rendered/") })
        #expect(try git(repo, ["log", "-1", "--format=%an <%ae>|%s"]).stdout == "CI Bot <ci@example.com>|render\n")
        #expect(try String(contentsOfFile: repo + "/README.md", encoding: .utf8) == "edited\n")
    }

    /// mcapply, a topology edit, mcapply again: the first run's uncommitted files are its own work
    /// (its .mcapply.json records them), not hand edits; an edit of one of them still is.
    @Test func anEarlierUncommittedWriteIsNotAHandEdit() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try mcapply(repo).status == 0)
        let topology = repo + "/topology.yaml"
        let text = try String(contentsOfFile: topology, encoding: .utf8)
        try text.replacingOccurrences(of: "weight: 50", with: "weight: 40").write(toFile: topology, atomically: true, encoding: .utf8)
        let again = try mcapply(repo)
        #expect(again.status == 0, "\(again.stderr)")
        let route = repo + "/rendered/west/test/httproute-podinfo.yaml"
        try (try String(contentsOfFile: route, encoding: .utf8) + "# mine\n").write(toFile: route, atomically: true, encoding: .utf8)
        try text.write(toFile: topology, atomically: true, encoding: .utf8)
        let refused = try mcapply(repo)
        #expect(refused.status == 1 && refused.stderr.contains("  rendered/west/test/httproute-podinfo.yaml\n"), "\(refused.stderr)")
    }

    @Test func handEditsAreRefusedUnlessForced() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        let route = repo + "/rendered/west/test/httproute-podinfo.yaml"
        let edited = try String(contentsOfFile: route, encoding: .utf8).replacingOccurrences(of: "weight: 50", with: "weight: 99")
        try edited.write(toFile: route, atomically: true, encoding: .utf8)
        let tip = try head(repo)
        let refused = try mcapply(repo, ["--commit"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("  rendered/west/test/httproute-podinfo.yaml\n"))
        #expect(try String(contentsOfFile: route, encoding: .utf8) == edited, "nothing was written")
        #expect(try head(repo) == tip)
        let plain = try mcapply(repo)
        #expect(plain.status == 1, "mcapply without --commit refuses too")
        let forced = try mcapply(repo, ["--commit", "--force"])
        #expect(forced.status == 0)
        #expect(try String(contentsOfFile: route, encoding: .utf8) != edited)
        #expect(try git(repo, ["status", "--porcelain"]).stdout.isEmpty)
    }

    /// `mcapply` then `mcapply --commit`: the uncommitted render is what this run writes anyway.
    @Test func applyThenCommit() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try mcapply(repo).status == 0)
        let result = try mcapply(repo, ["--commit"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Committed "))
    }

    @Test func renderRemovingEveryClusterNeedsAllowEmpty() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        try "apiVersion: mcplan/v1\nkind: Topology\nclusters: []\n".write(toFile: repo + "/topology.yaml", atomically: true, encoding: .utf8)
        let tip = try head(repo)
        let refused = try mcapply(repo, ["--commit"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--allow-empty"))
        #expect(FileManager.default.fileExists(atPath: repo + "/rendered/west/kustomization.yaml"))
        #expect(try head(repo) == tip)
        let allowed = try mcapply(repo, ["--commit", "--allow-empty"])
        #expect(allowed.status == 0, "\(allowed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: repo + "/rendered/west"))
        #expect(try git(repo, ["ls-tree", "-r", "--name-only", "HEAD", "rendered"]).stdout == "rendered/.mcapply.json\n")
    }

    /// The branch moves between reading the tip and the swap: exit 3, nothing lost, and a rerun
    /// after taking the new tip converges.
    @Test func raceOnTheBranchExitsThreeAndLosesNothing() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let raced = try mcapply(repo, ["--commit"], environment: ["MCAPPLY_TEST_BEFORE_SWAP": pushMeanwhile(repo)])
        #expect(raced.status == 3)
        #expect(raced.stderr.contains("moved while mcapply ran; nothing was committed or written"))
        #expect(!FileManager.default.fileExists(atPath: repo + "/rendered"), "the work tree is written only after the swap")
        #expect(try git(repo, ["status", "--porcelain"]).stdout.isEmpty)
        #expect(try git(repo, ["log", "-1", "--format=%s"]).stdout == "pushed meanwhile\n")
        #expect(try git(repo, ["log", "--format=%s"]).stdout == "pushed meanwhile\ntopology\n")
        #expect(try git(repo, ["fsck", "--strict", "--no-dangling"]).status == 0)
        let rerun = try mcapply(repo, ["--commit"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try git(repo, ["log", "--format=%s"]).stdout.hasPrefix("mcapply: 10 to add, 0 to change, 0 to destroy\npushed meanwhile\n"))
    }

    @Test func commitOntoAnotherBranch() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let tip = try head(repo)
        let result = try mcapply(repo, ["--commit", "--branch", "deploy", "-o", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"branch\" : \"deploy\""))
        #expect(try head(repo) == tip, "the checked-out branch stays where it was")
        #expect(try git(repo, ["rev-parse", "deploy~1"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines) == tip)
        #expect(try git(repo, ["show", "--name-only", "--format=", "deploy"]).stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("rendered/") })
    }

    @Test func unusablePlanFiles() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let missing = try mcapply(repo, ["--commit", "--plan", repo + "/no-such-plan.json"])
        #expect(missing.status == 1)
        #expect(missing.stderr.hasPrefix("error: cannot read the plan '"))
        let foreign = try mcapply(repo, ["--commit", "--plan", repo + "/topology.yaml"])
        #expect(foreign.status == 1)
        #expect(foreign.stderr.contains("is not a plan saved by mcplan --out (format 1.1)"))
        #expect(!FileManager.default.fileExists(atPath: repo + "/rendered"), "nothing was written")
    }

    @Test func usageErrors() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try mcapply(repo, ["--commit", "--author", "nobody"]).status == 64)
        #expect(try mcapply(repo, ["-m", "x"]).status == 64)
    }

    /// `mcplan --out` then `mcapply --plan` applies; after a commit that changes the folder, or a
    /// topology edit, the same plan is refused as stale (exit 3) and nothing is written.
    @Test func savedPlans() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let planFile = repo + "/../plan-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: planFile) }
        #expect(try Command.product("mcplan", ["-C", repo, "--out", planFile]).status == 0)
        let applied = try mcapply(repo, ["--commit", "--plan", planFile])
        #expect(applied.status == 0, "\(applied.stderr)")

        #expect(try Command.product("mcplan", ["-C", repo, "--out", planFile]).status == 0)
        let topology = repo + "/topology.yaml"
        let text = try String(contentsOfFile: topology, encoding: .utf8)
        try text.replacingOccurrences(of: "weight: 50", with: "weight: 40").write(toFile: topology, atomically: true, encoding: .utf8)
        let edited = try mcapply(repo, ["--commit", "--plan", planFile])
        #expect(edited.status == 3)
        #expect(edited.stderr.hasPrefix("error: stale plan: re-run mcplan"))

        #expect(try Command.product("mcplan", ["-C", repo, "--out", planFile]).status == 0)
        try git(repo, ["rm", "-q", "rendered/east/kustomization.yaml"])
        try git(repo, ["commit", "-q", "-m", "someone changed the folder"])
        let tip = try head(repo)
        let stale = try mcapply(repo, ["--commit", "--plan", planFile])
        #expect(stale.status == 3)
        #expect(try head(repo) == tip)
        #expect(!FileManager.default.fileExists(atPath: repo + "/rendered/east/kustomization.yaml"), "nothing was written")
    }

    /// A run killed with SIGKILL at any step leaves the repository at the old or the new commit,
    /// `git fsck` clean, and a rerun converges with a clean status.
    @Test(arguments: ["after-lock", "after-commit", "after-swap", "write:1", "write:7", "after-write", "after-index"])
    func killedRunsLeaveTheRepositoryWhole(step: String) throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let old = try head(repo)
        let killed = try mcapply(repo, ["--commit"], environment: ["MCAPPLY_TEST_KILL_AT": step])
        #expect(killed.status == 9, "killed by SIGKILL at \(step)")
        let now = try head(repo)
        let subjects = try git(repo, ["log", "--format=%s"]).stdout
        #expect(now == old || subjects.hasPrefix("mcapply: "))
        #expect(try git(repo, ["fsck", "--strict", "--no-dangling"]).status == 0)
        let rerun = try mcapply(repo, ["--commit"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(try git(repo, ["status", "--porcelain"]).stdout.isEmpty)
        #expect(try git(repo, ["log", "--format=%s"]).stdout == "mcapply: 10 to add, 0 to change, 0 to destroy\ntopology\n")
    }
}

/// Small CLI behaviours users rely on.
@Suite struct CommandLineBehaviourTests {
    @Test func anEmptyMessageIsBadUsage() throws {
        let repo = try repositoryWithExample("east-west")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let result = try Command.product("mcapply", ["-C", repo, "--commit", "-m", " "])
        #expect(result.status == 64)
        #expect(result.stderr.contains("-m must not be empty"))
    }

    /// Counts say what changed: one cluster, in the singular.
    @Test func reportsCountTheClustersThatChanged() throws {
        let repo = try repositoryWithExample("east-west")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try Command.product("mcapply", ["-C", repo]).status == 0)
        try FileManager.default.removeItem(atPath: repo + "/rendered/west/kustomization.yaml")
        let again = try Command.product("mcapply", ["-C", repo])
        #expect(again.stdout.hasSuffix("(1 file written, 0 removed) across 1 cluster.\n"), "\(again.stdout)")
    }

    @Test func runtimeErrorsAreJSONWithJSONOutput() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try FileManager.default.copyItem(atPath: PackagePaths.examples + "/london-paris/topology.yaml", toPath: folder + "/topology.yaml")
        try FileManager.default.copyItem(atPath: PackagePaths.examples + "/london-paris/certs", toPath: folder + "/certs")
        let plan = try Command.product("mcplan", ["-C", folder, "-o", "json"])
        #expect(plan.status == 1)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(plan.stdout.utf8)) as? [String: Any])
        #expect(document["formatVersion"] as? String == "1.0")
        #expect((document["error"] as? String)?.contains("is not inside a git work tree") == true)
    }

    @Test func colourCanBeForcedAndNoColorWins() throws {
        let fixtures = PackagePaths.root + "/Tests/EndToEndTests/Fixtures"
        let forced = try Command.product("mcplan", ["-f", "many-errors.yaml"], in: fixtures, environment: ["FORCE_COLOR": "1"])
        #expect(forced.stderr.contains("\u{1B}["))
        let both = try Command.product("mcplan", ["-f", "many-errors.yaml"], in: fixtures, environment: ["FORCE_COLOR": "1", "NO_COLOR": "1"])
        #expect(!both.stderr.contains("\u{1B}["))
    }
}

/// `mcplan --check`: validation alone, outside git too, for editors and pre-commit hooks.
@Suite struct CheckModeTests {
    @Test func validatesWithoutARepository() throws {
        let folder = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for name in ["topology.yaml", "certs"] {
            try FileManager.default.copyItem(atPath: PackagePaths.examples + "/east-west/" + name, toPath: folder + "/" + name)
        }
        let valid = try Command.product("mcplan", ["-C", folder, "--check"])
        #expect(valid.status == 0, "\(valid.stderr)")
        #expect(valid.stdout == "Valid: topology.yaml has no errors.\n")
        #expect(!FileManager.default.fileExists(atPath: folder + "/rendered"))
        try "apiVersion: mcplan/v1\nkind: Topology\nclusters:\n  - {name: East, trustAnchors: [root]}\n".write(
            toFile: folder + "/topology.yaml", atomically: true, encoding: .utf8)
        let invalid = try Command.product("mcplan", ["-C", folder, "--check"])
        #expect(invalid.status == 1)
        #expect(invalid.stderr.contains("error[MC200]"))
        let json = try Command.product("mcplan", ["-C", folder, "--check", "-o", "json"])
        #expect(json.status == 1)
        #expect(json.stdout.contains("\"MC200\""))
        #expect(try Command.product("mcplan", ["-C", folder, "--check", "--detailed-exitcode"]).status == 64)
    }
}
