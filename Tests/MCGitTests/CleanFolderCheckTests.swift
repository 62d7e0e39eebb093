import Foundation
import MCBasics
@testable import MCGit
import MCTestSupport
import Testing

/// The quick clean check and the index reader against real repositories changed with the git CLI:
/// the check proves "clean" only where `git status` lists nothing, and the uncommitted changes are
/// `git status`'s whichever way they are found.
@Suite struct CleanFolderCheckTests {
    /// A repository with a few files under `rendered/` (nested folders, a name beyond ASCII, an
    /// empty file) and one outside it, all committed.
    private static func repository() throws -> String {
        try GitShell.repository("""
            git init -q -b main && mkdir -p rendered/east/linkerd rendered/é && printf 'kind: A\\n' > rendered/a.yaml \
            && printf 'kind: B\\n' > rendered/east/linkerd/b.yaml && : > rendered/empty.txt && printf 'x\\n' > rendered/é/日本.yaml \
            && printf 'kind: C\\n' > rendered/a-c.yaml && printf 'topology\\n' > topology.yaml && printf '*.swp\\n' > .gitignore \
            && git add -A && git commit -q -m files
            """)
    }

    /// What `git status` lists under `rendered/`, as `uncommittedChanges` names it.
    private static func gitStatus(_ path: String) throws -> [String] {
        try GitShell.run(path, "git status --porcelain --no-renames -uall -- rendered").split(separator: "\n").map { line in
            let code = line.prefix(2)
            let name = String(line.dropFirst(3)).replacingOccurrences(of: "\"", with: "")
            let kind = code.contains("?") || code.contains("A") ? "added" : code.contains("D") ? "deleted" : code.contains("T") ? "type-changed" : "modified"
            return (path: String(name.dropFirst("rendered/".count)), kind: kind)
        }.sorted { $0.path < $1.path }.map { "\($0.kind) \($0.path)" }
    }

    /// Each case changes a committed repository and says whether the quick check can prove it clean.
    static let cases: [(name: String, script: String, provable: Bool)] = [
        ("untouched", "true", true),
        ("a file outside the folder edited", "printf 'y\\n' >> topology.yaml", true),
        ("touched, the same bytes", "touch -d '2031-01-01 00:00' rendered/a.yaml", true),
        ("rewritten with the same bytes", "cp rendered/a.yaml x && mv x rendered/a.yaml", true),
        ("edited", "printf 'more\\n' >> rendered/east/linkerd/b.yaml", false),
        ("edited, the same size", "printf 'kind: Z\\n' > rendered/a.yaml", false),
        ("deleted", "rm rendered/a-c.yaml", false),
        ("an untracked file", "printf 'new\\n' > rendered/east/new.yaml", false),
        ("an ignored file", "printf 'swap\\n' > rendered/a.yaml.swp", false),
        ("an empty folder", "mkdir rendered/west", false),
        ("a staged edit", "printf 'staged\\n' > rendered/a.yaml && git add rendered/a.yaml", false),
        ("a staged edit undone in the work tree", "printf 'staged\\n' > rendered/a.yaml && git add rendered/a.yaml && printf 'kind: A\\n' > rendered/a.yaml", false),
        ("made executable", "chmod +x rendered/a.yaml", false),
        ("a folder replaced by a symlink", "mv rendered/east rendered/north && ln -s north rendered/east", false),
        ("a file replaced by a symlink", "rm rendered/a.yaml && ln -s a-c.yaml rendered/a.yaml", false),
        ("index version 4", "git update-index --index-version 4", false),
        ("skip-worktree, removed", "git update-index --skip-worktree rendered/a.yaml && rm rendered/a.yaml", false),
        ("a new file staged", "printf 'new\\n' > rendered/east/new.yaml && git add rendered/east/new.yaml", false),
        ("renamed and staged, the same bytes", "git mv rendered/a-c.yaml rendered/a-d.yaml", false),
    ]

    @Test(arguments: cases.indices)
    func provesCleanOnlyWhereGitListsNothing(index: Int) throws {
        let (name, script, provable) = Self.cases[index]
        let path = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GitShell.run(path, script)
        let repository = try #require(try GitRepository.discover(containing: path, environment: [:]))
        let rendered = RelativePath("rendered")!
        let expected = try Self.gitStatus(path)
        #expect(repository.isProvablyClean(under: rendered) == provable, "\(name)")
        if provable { #expect(expected.isEmpty, "\(name): git lists \(expected)") }
        let changes = try repository.uncommittedChanges(under: rendered).map { "\($0.kind.rawValue) \($0.path)" }
        #expect(changes == expected, "\(name)")
    }

    /// A file HEAD holds that the index no longer does (kept in the work tree) ends the proof,
    /// wherever it falls in HEAD's walk. (Git lists such a path twice, deleted and untracked;
    /// the status reports it once, so these are not in the table above.)
    @Test(arguments: ["rendered/a.yaml", "rendered/é/日本.yaml"])
    func aFileRemovedFromTheIndexOnlyIsNotProvablyClean(file: String) throws {
        let path = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GitShell.run(path, "git rm -q --cached '\(file)'")
        let repository = try #require(try GitRepository.discover(containing: path, environment: [:]))
        #expect(!repository.isProvablyClean(under: RelativePath("rendered")!))
    }

    /// A folder neither committed nor in the work tree is clean; one in the work tree only is not.
    @Test func aFolderGitDoesNotHold() throws {
        let path = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let repository = try #require(try GitRepository.discover(containing: path, environment: [:]))
        #expect(repository.isProvablyClean(under: RelativePath("elsewhere")!))
        try GitShell.run(path, "mkdir elsewhere && printf 'x\\n' > elsewhere/x.yaml")
        #expect(!repository.isProvablyClean(under: RelativePath("elsewhere")!))
        #expect(try repository.uncommittedChanges(under: RelativePath("elsewhere")!).map(\.path.string) == ["x.yaml"])
    }

    /// The index read directly holds what `git ls-files --stage` lists, and what `lstat` recorded.
    @Test func indexFileReadsWhatGitWrote() throws {
        let path = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GitShell.run(path, "git update-index --skip-worktree rendered/a-c.yaml")
        let index = try #require(IndexFile(path: path + "/.git/index", under: "rendered/"))
        let listed = try GitShell.run(path, "git -c core.quotePath=false ls-files --stage -- rendered").split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", maxSplits: 1)
            let meta = fields[0].split(separator: " ")
            return "\(meta[0]) \(meta[1]) \(fields[1].dropFirst("rendered/".count))"
        }
        #expect(index.entries.map { "\(String($0.mode, radix: 8)) \($0.id) \($0.path)" } == listed)
        #expect(index.entries.map(\.isPlain) == index.entries.map { $0.path != "a-c.yaml" })
        var info = stat()
        #expect(lstat(path + "/rendered/a.yaml", &info) == 0)
        let entry = try #require(index.entries.first { $0.path == "a.yaml" })
        #expect(entry.status.size == 8 && entry.status.inode == UInt32(truncatingIfNeeded: info.st_ino))
        #expect(entry.status.modification == (Int32(truncatingIfNeeded: info.st_mtim.tv_sec), UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec)))
        #expect(IndexFile(path: path + "/.git/index", under: "elsewhere/")?.entries.isEmpty == true)

        var bytes = try #require(FileManager.default.contents(atPath: path + "/.git/index"))
        bytes[40] ^= 1
        try bytes.write(to: URL(fileURLWithPath: path + "/corrupt"))
        #expect(IndexFile(path: path + "/corrupt", under: "rendered/") == nil, "a bad checksum is refused")
        try GitShell.run(path, "git update-index --index-version 4")
        #expect(IndexFile(path: path + "/.git/index", under: "rendered/") == nil, "version 4 is left to libgit2")
        try GitShell.run(path, "git update-index --index-version 2 && git update-index --split-index && ls .git/sharedindex.*")
        #expect(IndexFile(path: path + "/.git/index", under: "rendered/") == nil, "a split index is left to libgit2")
    }
}
