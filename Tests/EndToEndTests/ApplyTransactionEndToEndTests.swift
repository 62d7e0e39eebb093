import Foundation
import MCTestSupport
import Testing

/// mcapply as a transaction: every run ends with the repository in the old state or the new one,
/// says which by its exit status, and a plain rerun completes whatever a crash left.

private let isolated = ["HOME": "/nonexistent", "GIT_CONFIG_NOSYSTEM": "1", "XDG_CONFIG_HOME": "/nonexistent"]

private func mcapply(_ repo: String, _ arguments: [String] = [], environment: [String: String] = [:]) throws -> CommandResult {
    try Command.product("mcapply", ["-C", repo] + arguments, environment: isolated.merging(environment) { $1 })
}

private func output(_ result: CommandResult) -> String { result.stdout.trimmingCharacters(in: .whitespacesAndNewlines) }

private func head(_ repo: String) throws -> String { output(try git(repo, ["rev-parse", "HEAD"])) }

/// git without the expectation that it succeeds.
private func tryGit(_ repo: String, _ arguments: [String]) throws -> CommandResult {
    try Command.run("/usr/bin/env", ["git", "-C", repo] + arguments, environment: isolated.merging([
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com", "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
    ]) { $1 })
}

/// east-west with its topology committed.
private func committedExample(_ name: String = "east-west") throws -> String {
    let repo = try repositoryWithExample(name)
    try git(repo, ["add", "-A"])
    try git(repo, ["commit", "-q", "-m", "topology"])
    return repo
}

/// The repository is whole and the folder is exactly HEAD's: fsck clean, nothing staged or
/// changed under it, no stray file of mcapply's left anywhere.
private func expectSettled(_ repo: String, _ note: Comment, sourceLocation: SourceLocation = #_sourceLocation) throws {
    #expect(try tryGit(repo, ["fsck", "--strict", "--no-dangling"]).status == 0, note, sourceLocation: sourceLocation)
    #expect(try git(repo, ["status", "--porcelain", "--untracked-files=all", "--", "rendered"]).stdout.isEmpty, note, sourceLocation: sourceLocation)
    #expect(try git(repo, ["diff", "HEAD", "--stat", "--", "rendered"]).stdout.isEmpty, note, sourceLocation: sourceLocation)
    let leftovers = try FileManager.default.contentsOfDirectory(atPath: repo + "/.git").filter { $0.hasPrefix("mcapply") || $0.hasPrefix("index.mcapply") || $0 == "index.lock" }
    #expect(leftovers.isEmpty, "\(note): \(leftovers)", sourceLocation: sourceLocation)
}

private func edit(_ repo: String, _ from: String, _ to: String) throws {
    let path = repo + "/topology.yaml"
    let text = try String(contentsOfFile: path, encoding: .utf8)
    #expect(text.contains(from))
    try text.replacingOccurrences(of: from, with: to).write(toFile: path, atomically: true, encoding: .utf8)
}

@Suite(.serialized) struct ApplyTransactionEndToEndTests {
    /// A run killed between its swap and the end of its work-tree write leaves files of the old
    /// commit beside files of the new one; the rerun knows them as its own, not as hand edits.
    @Test(arguments: ["after-swap", "write:1", "write:2", "after-write", "after-index"])
    func aKilledIncrementalApplyIsCompletedByARerun(step: String) throws {
        let repo = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        try edit(repo, "weight: 50", "weight: 40")
        try edit(repo, "address: 203.0.113.10", "address: 203.0.113.11")
        let killed = try mcapply(repo, ["--commit"], environment: ["MCAPPLY_TEST_KILL_AT": step])
        #expect(killed.status == 9, "killed at \(step)")
        let rerun = try mcapply(repo, ["--commit"])
        #expect(rerun.status == 0, "after a kill at \(step): \(rerun.stderr)")
        try expectSettled(repo, "after a kill at \(step)")
        #expect(try git(repo, ["log", "--format=%s"]).stdout.split(separator: "\n").count == 3, "one commit per render")
    }

    /// The pending note is what tells the mixed folder from hand edits: without it the same
    /// state is refused.
    @Test func withoutThePendingNoteTheMixedFolderIsAHandEdit() throws {
        let repo = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        try edit(repo, "weight: 50", "weight: 40")
        try edit(repo, "address: 203.0.113.10", "address: 203.0.113.11")
        #expect(try mcapply(repo, ["--commit"], environment: ["MCAPPLY_TEST_KILL_AT": "write:1"]).status == 9)
        let note = repo + "/.git/mcapply-pending"
        #expect(FileManager.default.fileExists(atPath: note))
        try FileManager.default.moveItem(atPath: note, toPath: note + ".aside")
        let refused = try mcapply(repo, ["--commit"])
        #expect(refused.status == 1 && refused.stderr.contains("uncommitted changes mcapply would overwrite"), "\(refused.stderr)")
        try FileManager.default.moveItem(atPath: note + ".aside", toPath: note)
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        try expectSettled(repo, "with the note back")
    }

    /// A note whose commits are gone (garbage-collected since) is ignored, not an error.
    @Test func aNoteOfMissingCommitsIsIgnored() throws {
        let repo = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let missing = String(repeating: "ab", count: 20)
        try "rendered\n\(missing)\n\(missing)\n".write(toFile: repo + "/.git/mcapply-pending", atomically: true, encoding: .utf8)
        let applied = try mcapply(repo, ["--commit"])
        #expect(applied.status == 0, "\(applied.stderr)")
        try expectSettled(repo, "after a stale note")
    }

    /// An index on another file system (GIT_INDEX_FILE on tmpfs): the lock cannot be a hard link, so
    /// it is a copy of the token's bytes; a crashed run's is still recognised and a rerun converges.
    @Test func anIndexOnAnotherFileSystem() throws {
        let shm = "/dev/shm"
        guard let shmDevice = try? FileManager.default.attributesOfItem(atPath: shm)[.systemNumber] as? Int,
              let tmpDevice = try? FileManager.default.attributesOfItem(atPath: NSTemporaryDirectory())[.systemNumber] as? Int,
              shmDevice != tmpDevice else { return }
        let repo = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let index = shm + "/mcapply-test-index-" + UUID().uuidString
        defer { try? FileManager.default.removeItem(atPath: index); try? FileManager.default.removeItem(atPath: index + ".lock") }
        try FileManager.default.copyItem(atPath: repo + "/.git/index", toPath: index)
        let environment = ["GIT_INDEX_FILE": index]
        #expect(try mcapply(repo, ["--commit"], environment: environment.merging(["MCAPPLY_TEST_KILL_AT": "after-lock"]) { $1 }).status == 9)
        #expect(FileManager.default.fileExists(atPath: index + ".lock"), "the crashed run's lock is left")
        let rerun = try mcapply(repo, ["--commit"], environment: environment)
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(!FileManager.default.fileExists(atPath: index + ".lock"))
        let status = try Command.run("/usr/bin/env", ["git", "-C", repo, "status", "--porcelain", "--", "rendered"], environment: environment)
        #expect(status.stdout.isEmpty, "\(status.stdout)")
    }

    /// Another git process holds index.lock: exit 3 at once, nothing written; once it is gone, a
    /// rerun applies. A stale index.lock that is not mcapply's is never removed.
    @Test func aHeldIndexLockIsARetry() throws {
        let repo = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let tip = try head(repo)
        #expect(FileManager.default.createFile(atPath: repo + "/.git/index.lock", contents: Data()))
        let locked = try mcapply(repo, ["--commit"])
        #expect(locked.status == 3)
        #expect(locked.stderr.contains("another git process holds '") && locked.stderr.contains(".git/index.lock'; nothing was done"))
        #expect(!FileManager.default.fileExists(atPath: repo + "/rendered"))
        #expect(FileManager.default.fileExists(atPath: repo + "/.git/index.lock"), "git's lock is left alone")
        #expect(try head(repo) == tip)
        #expect(try mcapply(repo).status == 3, "a plain mcapply waits for git too")
        try FileManager.default.removeItem(atPath: repo + "/.git/index.lock")
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        try expectSettled(repo, "after the lock went")
    }

    /// Another process holds the branch's lock file: the commit is made but the swap is refused;
    /// exit 3, the branch, work tree and index untouched.
    @Test func aLockedBranchIsARetry() throws {
        let repo = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let tip = try head(repo)
        #expect(FileManager.default.createFile(atPath: repo + "/.git/refs/heads/main.lock", contents: Data()))
        let locked = try mcapply(repo, ["--commit"])
        #expect(locked.status == 3, "\(locked.stderr)")
        #expect(locked.stderr.contains("another git process holds the lock of main (refs/heads/main.lock); nothing was committed or written"))
        #expect(try head(repo) == tip)
        #expect(!FileManager.default.fileExists(atPath: repo + "/rendered"))
        try FileManager.default.removeItem(atPath: repo + "/.git/refs/heads/main.lock")
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        try expectSettled(repo, "after the ref lock went")
    }

    /// The work tree cannot follow the commit (the folder's path is taken by a file): exit 4 with
    /// one line naming the commit and the recovery; once the cause is gone, a rerun finishes.
    @Test func aCommitWhoseWorkTreeCannotFollowExitsFour() throws {
        let repo = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let blocked = try mcapply(repo, ["--commit"], environment: ["MCAPPLY_TEST_BEFORE_SWAP": "echo x > '\(repo)/rendered'"])
        #expect(blocked.status == 4, "\(blocked.stderr)")
        let lines = blocked.stderr.split(separator: "\n")
        let tip = try head(repo)
        #expect(lines.count == 1 && lines[0].hasPrefix("error: committed \(tip.prefix(12)) on main, but rendered/ in the work tree"))
        #expect(blocked.stderr.contains("run mcapply --commit again once that is fixed (or: git restore --source=HEAD --staged --worktree -- rendered)"))
        #expect(try git(repo, ["log", "-1", "--format=%s"]).stdout.hasPrefix("mcapply: "))
        try FileManager.default.removeItem(atPath: repo + "/rendered")
        let rerun = try mcapply(repo, ["--commit"])
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(rerun.stdout == "No changes. main already holds this render; nothing to commit.\n")
        try expectSettled(repo, "after the rerun")
    }

    /// The index cannot be written after the commit: exit 4; the rerun brings it along.
    @Test func aCommitWhoseIndexCannotFollowExitsFour() throws {
        let repo = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        // A folder where the new index is written first blocks the direct writer and libgit2 alike.
        let blocked = try mcapply(repo, ["--commit", "-o", "json"], environment: ["MCAPPLY_TEST_BEFORE_SWAP": "mkdir '\(repo)/.git/index.mcapply'"])
        #expect(blocked.status == 4, "\(blocked.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(blocked.stdout.utf8)) as? [String: Any])
        let tip = try head(repo)
        #expect(report["action"] as? String == "committed-incomplete" && report["commit"] as? String == tip)
        #expect(FileManager.default.fileExists(atPath: repo + "/rendered/east/kustomization.yaml"), "the work tree was written")
        try FileManager.default.removeItem(atPath: repo + "/.git/index.mcapply")
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        try expectSettled(repo, "after the rerun")
    }

    /// A file-size limit (as a full disk does) fails the run: either before the swap (exit 1,
    /// nothing changed) or after it (exit 4); either way a rerun without it converges.
    @Test(arguments: [1, 2, 3, 8])
    func aFileSizeLimitLeavesOneOfTwoStates(blocks: Int) throws {
        let repo = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let tip = try head(repo)
        let limited = try Command.run("/bin/sh", ["-c", "ulimit -f \(blocks); exec \"$0\" \"$@\"", PackagePaths.binaries + "/mcapply", "-C", repo, "--commit"],
                                      environment: isolated)
        switch limited.status {
        case 1:
            #expect(try head(repo) == tip, "exit 1: nothing committed")
            #expect(try git(repo, ["status", "--porcelain", "--untracked-files=all"]).stdout.isEmpty, "exit 1: nothing written")
        case 4:
            #expect(try head(repo) != tip, "exit 4: the commit landed")
        case 0:
            break
        default:
            Issue.record("exit \(limited.status): \(limited.stderr)")
        }
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        try expectSettled(repo, "after ulimit -f \(blocks)")
    }

    /// Two mcapply --commit in one work tree at once: each exits 0 or 3 (never a mixed state), one
    /// commit lands, and the folder equals HEAD afterwards.
    @Test func concurrentRunsInOneWorkTree() throws {
        for round in 0..<20 {
            let repo = try committedExample()
            defer { try? FileManager.default.removeItem(atPath: repo) }
            if round % 2 == 1 {
                #expect(try mcapply(repo, ["--commit"]).status == 0)
                try edit(repo, "weight: 50", "weight: \(10 + round)")
            }
            nonisolated(unsafe) var results: [CommandResult?] = [nil, nil]
            DispatchQueue.concurrentPerform(iterations: 2) { index in
                results[index] = try? mcapply(repo, ["--commit"])
            }
            let statuses = results.map { $0?.status ?? -1 }
            #expect(statuses.allSatisfy { $0 == 0 || $0 == 3 } && statuses.contains(0), "round \(round): \(statuses) \(results.map { $0?.stderr ?? "" })")
            try expectSettled(repo, "round \(round)")
            #expect(try git(repo, ["log", "--format=%s"]).stdout.split(separator: "\n").count == (round % 2 == 1 ? 3 : 2), "round \(round)")
        }
    }

    /// A folder that is not a rendered one (no .mcapply.json) is refused, in the commit and in
    /// the work tree, unless --force.
    @Test func aFolderMcapplyDidNotRenderIsRefused() throws {
        let repo = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try FileManager.default.createDirectory(atPath: repo + "/certs", withIntermediateDirectories: true)
        try "ca\n".write(toFile: repo + "/certs/ca.crt", atomically: true, encoding: .utf8)
        try git(repo, ["add", "certs"])
        try git(repo, ["commit", "-q", "-m", "certs"])
        let tip = try head(repo)
        for arguments in [["--commit", "--rendered", repo + "/certs"], ["--rendered", repo + "/certs"]] {
            let refused = try mcapply(repo, arguments)
            #expect(refused.status == 1)
            #expect(refused.stderr.contains("holds files but no .mcapply.json, so it is not a folder mcapply rendered"))
            #expect(try String(contentsOfFile: repo + "/certs/ca.crt", encoding: .utf8) == "ca\n")
        }
        #expect(try head(repo) == tip)
        #expect(try mcapply(repo, ["--rendered", repo + "/certs", "--force"]).status == 0, "--force replaces it")
    }

    @Test func branchesGitRefuses() throws {
        let repo = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        for name in ["HEAD", "refs/tags/v9", "-x", "a..b"] {
            let refused = try mcapply(repo, ["--commit", "--branch=\(name)"])
            #expect(refused.status == 1, "\(name)")
            #expect(refused.stderr.contains("is not a branch name git accepts"), "\(name): \(refused.stderr)")
        }
        #expect(try tryGit(repo, ["show-ref"]).stdout.split(separator: "\n").count == 1, "no ref was created")
        let worktree = repo + "-worktree"
        defer { try? FileManager.default.removeItem(atPath: worktree) }
        try git(repo, ["worktree", "add", "-q", "-b", "other", worktree])
        let tip = try head(repo)
        let elsewhere = try mcapply(worktree, ["--commit", "--branch", "main"])
        #expect(elsewhere.status == 1)
        #expect(elsewhere.stderr.contains("main is checked out in another worktree"))
        #expect(try head(repo) == tip)
        let own = try mcapply(worktree, ["--commit"])
        #expect(own.status == 0, "a worktree commits onto its own branch: \(own.stderr)")
        #expect(try git(worktree, ["status", "--porcelain"]).stdout.isEmpty)
        #expect(try head(repo) == tip)
    }

    /// A file made executable in the work tree is written back as 0644, so the index's 100644
    /// and the commit's agree with it; so is one also committed executable (100755) by hand with
    /// the rendered content, which git status calls clean.
    @Test(arguments: [false, true]) func modesAreNormalised(committedByHand: Bool) throws {
        let repo = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        let file = repo + "/rendered/east/kustomization.yaml"
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file)
        if committedByHand {
            try git(repo, ["update-index", "--chmod=+x", "rendered/east/kustomization.yaml"])
            try git(repo, ["commit", "-q", "-m", "executable by hand"])
        }
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        for listing in [["ls-files", "-s", "rendered"], ["ls-tree", "-r", "HEAD", "rendered"]] {
            let modes = Set(try git(repo, listing).stdout.split(separator: "\n").map { $0.prefix(6) })
            #expect(modes == ["100644"], "\(listing)")
        }
        #expect(try FileManager.default.attributesOfItem(atPath: file)[.posixPermissions] as? Int == 0o644)
        try expectSettled(repo, "after the mode change")
    }

    @Test func sparseCheckoutsSubmodulesAndSHA256AreRefusedByName() throws {
        let sparse = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: sparse) }
        #expect(try mcapply(sparse, ["--commit"]).status == 0)
        try git(sparse, ["sparse-checkout", "set", "--no-cone", "/topology.yaml", "/certs/"])
        let plan = try Command.product("mcplan", ["-C", sparse], environment: isolated)
        #expect(plan.status == 0 && plan.stdout.hasPrefix("No changes."), "files a sparse checkout leaves out are no drift: \(plan.stdout)")
        let refused = try mcapply(sparse, ["--commit"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("the sparse checkout leaves") && refused.stderr.contains("git sparse-checkout add rendered"), "\(refused.stderr)")
        try git(sparse, ["sparse-checkout", "add", "/rendered/"])
        #expect(try mcapply(sparse, ["--commit"]).status == 0)

        let submodule = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: submodule) }
        try git(submodule, ["update-index", "--add", "--cacheinfo", "160000,\(try head(submodule)),rendered/vendored"])
        try git(submodule, ["commit", "-q", "-m", "a submodule in rendered/"])
        let dropped = try mcapply(submodule, ["--commit", "--force"])
        #expect(dropped.status == 1)
        #expect(dropped.stderr.contains("rendered/vendored is a submodule"))

        let sha256 = try temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: sha256) }
        try FileManager.default.copyItem(atPath: PackagePaths.examples + "/east-west/topology.yaml", toPath: sha256 + "/topology.yaml")
        try FileManager.default.copyItem(atPath: PackagePaths.examples + "/east-west/certs", toPath: sha256 + "/certs")
        #expect(try Command.run("/usr/bin/env", ["git", "init", "-q", "--object-format=sha256", sha256]).status == 0)
        let unsupported = try mcapply(sha256, ["--commit"])
        #expect(unsupported.status == 1)
        #expect(unsupported.stderr.contains("uses SHA-256 object names"), "\(unsupported.stderr)")
    }

    @Test func signingIsNeverSkippedInSilence() throws {
        let repo = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try git(repo, ["config", "commit.gpgsign", "true"])
        let tip = try head(repo)
        let refused = try mcapply(repo, ["--commit"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("commit.gpgsign is set and mcapply cannot sign commits"))
        #expect(try head(repo) == tip)
        #expect(!FileManager.default.fileExists(atPath: repo + "/rendered"))
    }

    /// GIT_DIR and GIT_WORK_TREE choose the repository and the work tree as for git; the
    /// author and committer variables and dates are honoured.
    @Test func gitsEnvironmentIsHonoured() throws {
        let repo = try committedExample()
        defer { try? FileManager.default.removeItem(atPath: repo) }
        let gitDirectory = repo + "-git"
        defer { try? FileManager.default.removeItem(atPath: gitDirectory) }
        try FileManager.default.moveItem(atPath: repo + "/.git", toPath: gitDirectory)
        let environment = [
            "GIT_DIR": gitDirectory, "GIT_WORK_TREE": repo, "GIT_AUTHOR_NAME": "Ada", "GIT_AUTHOR_EMAIL": "ada@example.com",
            "GIT_AUTHOR_DATE": "@1700000000 +0100", "GIT_COMMITTER_NAME": "Bot", "GIT_COMMITTER_EMAIL": "bot@example.com",
            "GIT_COMMITTER_DATE": "2026-12-02T10:00:00Z",
        ]
        let applied = try Command.product("mcapply", ["--commit"], in: repo, environment: isolated.merging(environment) { $1 })
        #expect(applied.status == 0, "\(applied.stderr)")
        let log = try Command.run("/usr/bin/env", ["git", "--git-dir", gitDirectory, "log", "-1", "--format=%an <%ae> %at %ai|%cn <%ce> %ct"])
        #expect(log.stdout == "Ada <ada@example.com> 1700000000 2023-11-14 23:13:20 +0100|Bot <bot@example.com> 1796205600\n")
        let status = try Command.run("/usr/bin/env", ["git", "--git-dir", gitDirectory, "--work-tree", repo, "status", "--porcelain"])
        #expect(status.stdout.isEmpty, "\(status.stdout)")
    }
}

/// SIGKILL at random moments of applies at a larger scale: whatever moment it lands at, a plain
/// rerun exits 0 and leaves the folder equal to HEAD.
@Suite(.serialized) struct RandomKillEndToEndTests {
    /// A mesh of `clusters` clusters, each linked to the next four, each exporting two services.
    private func fleet(_ clusters: Int, extraLink: Bool) -> String {
        var lines = ["apiVersion: mcplan/v1", "kind: Topology", "trustAnchors:", "  - name: root", "    file: certs/fleet-root.crt", "clusters:"]
        for index in 0..<clusters {
            lines += ["  - name: c\(index)", "    trustAnchors: [root]", "    gateway:", "      address: 10.0.\(index).1", "    credentials:",
                      "      externalSecret: {store: vault, key: \"mesh/{source}-to-{target}\"}"]
        }
        lines.append("links:")
        for index in 0..<clusters {
            for step in 1...4 { lines.append("  - {source: c\(index), target: c\((index + step) % clusters)}") }
        }
        if extraLink { lines.append("  - {source: c0, target: c\(clusters / 2)}") }
        lines.append("exports:")
        for index in 0..<clusters { lines.append("  - {cluster: c\(index), namespace: apps, services: [api, web]}") }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test func randomKillsAreCompletedByARerun() throws {
        let repo = try repositoryWithExample("fleet")
        defer { try? FileManager.default.removeItem(atPath: repo) }
        try fleet(40, extraLink: false).write(toFile: repo + "/topology.yaml", atomically: true, encoding: .utf8)
        try git(repo, ["add", "-A"])
        try git(repo, ["commit", "-q", "-m", "topology"])
        var random = SplitMix64(seed: 20261202)
        let started = Date()
        #expect(try mcapply(repo, ["--commit"]).status == 0)
        let runtime = Date().timeIntervalSince(started)
        var extra = false
        for round in 0..<12 {
            if round % 3 == 0 {
                try FileManager.default.removeItem(atPath: repo + "/rendered")
                try git(repo, ["rm", "-rq", "--cached", "rendered"])
                try git(repo, ["commit", "-q", "-m", "remove the folder"])
            } else {
                extra.toggle()
                try fleet(40, extraLink: extra).write(toFile: repo + "/topology.yaml", atomically: true, encoding: .utf8)
            }
            let delay = Double(random.next() % 1000) / 1000 * runtime * 1.2
            let script = "\"$0\" \"$@\" >/dev/null 2>&1 & p=$!; sleep \(String(format: "%.3f", delay)); kill -9 $p 2>/dev/null; wait $p; exit 0"
            _ = try Command.run("/bin/sh", ["-c", script, PackagePaths.binaries + "/mcapply", "-C", repo, "--commit"], environment: isolated)
            let rerun = try mcapply(repo, ["--commit"])
            #expect(rerun.status == 0, "round \(round), killed after \(delay) s: \(rerun.stderr)")
            try expectSettled(repo, "round \(round), killed after \(delay) s")
        }
    }
}
