import Foundation
import MCBasics
import MCGit
import MCTestSupport
import Testing

/// The write side against a real repository: the trees made in memory are git's own.
@Suite struct GitWriteTests {
    /// Names whose order differs between plain bytes and git's (a folder sorts as if its name
    /// ended in `/`), and names beyond ASCII.
    private static let tricky = ["a-b/x.yaml", "a.yaml", "a/x.yaml", "a0", "b/c/d.yaml", "b.yaml", "é/日本.yaml", "empty.txt"]

    private static func git(_ path: String, _ arguments: [String]) throws -> String {
        let result = try Command.run("/usr/bin/env", ["git", "-C", path] + arguments, environment: [
            "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com", "GIT_COMMITTER_NAME": "Test",
            "GIT_COMMITTER_EMAIL": "test@example.com", "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent",
        ])
        #expect(result.status == 0, "git \(arguments): \(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// `files` written under `rendered/` and staged make the tree `ours` by `git write-tree`,
    /// and `git fsck --strict` finds nothing wrong with the objects written.
    private static func expectGitMakes(_ ours: String, of files: [CommitFile], in path: String) throws {
        for file in files {
            let full = path + "/rendered/" + file.path.string
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.bytes).write(to: URL(fileURLWithPath: full))
        }
        _ = try git(path, ["add", "-A"])
        #expect(try git(path, ["write-tree"]) == ours)
        _ = try git(path, ["fsck", "--strict", "--no-dangling"])
    }

    /// A few new objects are written loose, many as one pack; either way the tree is the one
    /// `git write-tree` makes of the same files, and `git fsck --strict` finds nothing wrong.
    @Test(arguments: [0, 1_200]) func treesAreTheOnesGitMakes(bulk: Int) throws {
        let path = NSTemporaryDirectory() + "mcgit-write-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Self.git(path, ["init", "-q", "-b", "main"])
        let names = Self.tricky + (0..<bulk).map { "bulk/\($0 % 7)/f\($0).yaml" }
        let files = names.map { CommitFile(path: RelativePath($0)!, bytes: Array("name: \($0)\n".utf8)) }
        let repository = try #require(try GitRepository.discover(containing: path, environment: [:]))
        let ours = try repository.tree(replacing: RelativePath("rendered")!, with: files, on: nil)
        let counts = try Self.git(path, ["count-objects", "-v"])
        #expect(counts.contains("packs: \(bulk > 0 ? 1 : 0)\n"), "\(counts)")

        try Self.expectGitMakes(ours, of: files, in: path)
    }

    /// On a committed base, given the base's snapshot: the tree is still the one git makes, and
    /// the only objects written are the changed file's blob and the trees above it.
    @Test func aChangeOnABaseWritesOnlyWhatChanged() throws {
        let path = NSTemporaryDirectory() + "mcgit-change-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try Self.git(path, ["init", "-q", "-b", "main"])
        let rendered = RelativePath("rendered")!
        var files = Self.tricky.map { CommitFile(path: RelativePath($0)!, bytes: Array("name: \($0)\n".utf8)) }
        let repository = try #require(try GitRepository.discover(containing: path, environment: [:]))
        let first = try repository.tree(replacing: rendered, with: files, on: nil)
        let commit = try Self.git(path, ["commit-tree", first, "-m", "first"])
        _ = try Self.git(path, ["update-ref", "refs/heads/main", commit])
        let base = try repository.snapshot(of: rendered, at: commit)
        #expect(base.trees.count == 6, "rendered, a, a-b, b, b/c and é")
        #expect(try repository.tree(replacing: rendered, with: files, on: commit, known: base) == first, "nothing changed, nothing new")

        let changed = try #require(files.firstIndex { $0.path.string == "b/c/d.yaml" })
        files[changed] = CommitFile(path: files[changed].path, bytes: Array("name: changed\n".utf8))
        let before = try Self.git(path, ["count-objects"])
        let ours = try repository.tree(replacing: rendered, with: files, on: commit, known: base)
        let written = { (counts: String) in Int(counts.split(separator: " ")[0])! }
        #expect(written(try Self.git(path, ["count-objects"])) - written(before) == 5, "the blob, b/c, b, rendered and the root")
        try Self.expectGitMakes(ours, of: files, in: path)
    }
}
