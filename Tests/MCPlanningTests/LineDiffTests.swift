import Foundation
import MCTestSupport
import Testing

@testable import MCPlanning

/// The diffs read like `git diff`'s: the same hunks for the same change.
@Suite struct LineDiffTests {
    private func lines(_ text: String) -> [Substring] {
        text.isEmpty ? [] : text.dropLast().split(separator: "\n", omittingEmptySubsequences: false)
    }

    private func gitDiff(_ old: String, _ new: String) throws -> String {
        let folder = NSTemporaryDirectory() + "linediff-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try old.write(toFile: folder + "/old", atomically: true, encoding: .utf8)
        try new.write(toFile: folder + "/new", atomically: true, encoding: .utf8)
        let result = try Command.run("/usr/bin/env", ["git", "diff", "--no-index", "--no-color", "--diff-algorithm=myers", "-U3", "old", "new"], in: folder)
        // Keep the hunks; drop git's header lines and the function context after each @@ … @@.
        return result.stdout.split(separator: "\n", omittingEmptySubsequences: false).drop { !$0.hasPrefix("@@") }.map { line in
            guard line.hasPrefix("@@"), let end = line.dropFirst(2).firstRange(of: "@@") else { return String(line) }
            return String(line[..<end.upperBound])
        }.joined(separator: "\n")
    }

    @Test(arguments: [
        ("a\nb\nc\n", "a\nB\nc\n"),
        ("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\n14\n15\n16\n", "1\n2\nX\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13\nY\n15\n16\n"),
        ("1\n2\n3\n4\n5\n6\n7\n8\n", "0\n1\n2\n3\n4\n5\n6\n7\n8\n9\n"),
        ("a\nb\nc\nd\n", "d\nc\nb\na\n"),
        ("keep\ndrop1\ndrop2\nkeep2\n", "keep\nkeep2\nadd\n"),
        ("x\n", "y\nz\n"),
    ])
    func hunksMatchGitDiff(old: String, new: String) throws {
        let ours = LineDiff.unified(old: lines(old), new: lines(new), oldName: "a", newName: "b")
        let hunks = ours.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(2).joined(separator: "\n")
        #expect(hunks == (try gitDiff(old, new)))
    }

    @Test func equalTextsHaveNoDiff() {
        #expect(LineDiff.unified(old: ["a", "b"], new: ["a", "b"], oldName: "a", newName: "b").isEmpty)
    }

    @Test func additionsAndRemovalsOfWholeFiles() {
        #expect(LineDiff.unified(old: [], new: ["a", "b"], oldName: "/dev/null", newName: "b/x") == "--- /dev/null\n+++ b/x\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        #expect(LineDiff.unified(old: ["a"], new: [], oldName: "a/x", newName: "/dev/null") == "--- a/x\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n")
    }
}
