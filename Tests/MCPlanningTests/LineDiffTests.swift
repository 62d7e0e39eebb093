import Foundation
import MCTestSupport
import Testing

import MCBasics
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

    /// Past the distance bound the search stops: the common first and last lines are kept and
    /// the middle is shown removed and added whole, in time and memory bounded by the bound.
    @Test func distantFilesDiffAsTheirMiddleReplaced() {
        let count = LineDiff.maximumDistance + 10
        let old = ["head"] + (0..<count).map { Substring("old \($0)") } + ["tail"]
        let new = ["head"] + (0..<count).map { Substring("new \($0)") } + ["tail"]
        let diff = LineDiff.unified(old: old, new: new, oldName: "a", newName: "b")
        let lines = diff.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[2] == "@@ -1,\(count + 2) +1,\(count + 2) @@")
        #expect(lines[3] == " head")
        #expect(lines[4] == "-old 0" && lines[3 + count] == "-old \(count - 1)")
        #expect(lines[4 + count] == "+new 0" && lines[3 + 2 * count] == "+new \(count - 1)")
        #expect(lines[4 + 2 * count] == " tail")
    }

    /// A file added or removed whole is one hunk of every line, whatever its line endings: as
    /// `git diff` counts them, a final line feed ends the last line and an empty file is one line.
    @Test(arguments: [
        ("", "@@ -0,0 +1 @@\n+\n"),
        ("\n", "@@ -0,0 +1 @@\n+\n"),
        ("a", "@@ -0,0 +1 @@\n+a\n"),
        ("a\n", "@@ -0,0 +1 @@\n+a\n"),
        ("a\nb", "@@ -0,0 +1,2 @@\n+a\n+b\n"),
        ("a\n\nb\n\n", "@@ -0,0 +1,4 @@\n+a\n+\n+b\n+\n"),
        ("é\r\nx\n", "@@ -0,0 +1,2 @@\n+é\r\n+x\n"),
        ("\n\n", "@@ -0,0 +1,2 @@\n+\n+\n"),
        ("x\n\ny", "@@ -0,0 +1,3 @@\n+x\n+\n+y\n"),
    ])
    func wholeFileDiffs(text: String, hunk: String) {
        let path = RelativePath("east/x.yaml")!
        let added = FileDiff(old: nil, new: Array(text.utf8), path: path, folder: "rendered").unified
        #expect(added == "--- /dev/null\n+++ b/rendered/east/x.yaml\n" + hunk)
        // Written from the bytes, as the line-by-line diff writes the same lines.
        #expect(added == LineDiff.unified(old: [], new: Lines.splitOnLineFeeds(text), oldName: "/dev/null", newName: "b/rendered/east/x.yaml"))
        let removed = FileDiff(old: Array(text.utf8), new: nil, path: path, folder: "rendered").unified
        let removedHunk = hunk.replacingOccurrences(of: "\n+", with: "\n-").replacingOccurrences(of: "@@ -0,0 +", with: "@@ -")
            .replacingOccurrences(of: " @@\n", with: " +0,0 @@\n")
        #expect(removed == "--- a/rendered/east/x.yaml\n+++ /dev/null\n" + removedHunk)
    }

    /// Lines holding secret material are redacted in a whole file's diff too.
    @Test func wholeFileDiffsRedactSecrets() {
        let bytes = Array("kind: Secret\ndata:\n  token: abc\n".utf8)
        let diff = FileDiff(old: nil, new: bytes, path: RelativePath("east/x.yaml")!, folder: "rendered").unified
        #expect(diff.hasSuffix("@@ -0,0 +1,3 @@\n+kind: Secret\n+data:\n+<redacted>\n"))
        let removed = FileDiff(old: bytes, new: nil, path: RelativePath("east/x.yaml")!, folder: "rendered").unified
        #expect(removed.hasSuffix("@@ -1,3 +0,0 @@\n-kind: Secret\n-data:\n-<redacted>\n"))
        // A private key's body holds none of the words, and goes too.
        let key = Array("a: |\n  -----BEGIN PRIVATE KEY-----\n  MIIEvQIBADANBg\n  -----END PRIVATE KEY-----\nb: c".utf8)
        let keyDiff = FileDiff(old: nil, new: key, path: RelativePath("east/x.yaml")!, folder: "rendered").unified
        #expect(keyDiff.hasSuffix("+a: |\n+<redacted>\n+<redacted>\n+<redacted>\n+b: c\n"))
    }

    /// Splitting into lines over bytes cuts where the scalar walk cut.
    @Test(arguments: ["", "a", "a\n", "a\r\nb\rc\n\n", "\r", "é\u{301}\nx", "\n\u{301}y\r\n"])
    func linesSplitAsScalarsWould(text: String) {
        var feeds: [Substring] = []
        var start = text.startIndex
        for index in text.unicodeScalars.indices where text.unicodeScalars[index] == "\n" {
            feeds.append(Substring(text.unicodeScalars[start..<index]))
            start = text.unicodeScalars.index(after: index)
        }
        if start != text.endIndex || feeds.isEmpty { feeds.append(Substring(text.unicodeScalars[start...])) }
        #expect(Lines.splitOnLineFeeds(text).map(String.init) == feeds.map(String.init))
        let yaml = Lines.splitOnYAMLBreaks(text).map(String.init)
        let expected = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        var parts = expected.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if parts.last == "" { parts.removeLast() }
        #expect(yaml == parts)
    }
}
