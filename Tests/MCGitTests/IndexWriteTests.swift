import Foundation
import MCBasics
@testable import MCGit
import MCTestSupport
import Testing

/// The index written directly (`IndexFile.rewritten`, through `updateEntries`) against what git
/// itself reads back: the entries, their stages and stat data, the extensions kept and dropped,
/// and the indexes left to libgit2.
@Suite struct IndexWriteTests {
    /// A repository whose commit holds a few files under `rendered/` and one beside it; the work
    /// tree then holds `rendered/new.yaml` and an edited `rendered/a.yaml`, not yet staged.
    private static func repository() throws -> String {
        try GitShell.repository("""
            git init -q -b main && mkdir -p rendered/east rendered/é && printf 'a\\n' > rendered/a.yaml \
            && printf 'b\\n' > rendered/east/b.yaml && printf 'c\\n' > rendered/é/日本.yaml && printf 'gone\\n' > rendered/gone.yaml \
            && printf 't\\n' > topology.yaml && git add -A && git commit -q -m files && git write-tree > /dev/null \
            && printf 'new\\n' > rendered/new.yaml && printf 'edited\\n' > rendered/a.yaml && rm rendered/gone.yaml
            """)
    }

    /// The update mcapply makes after committing: the new and edited files staged with their
    /// status, the removed one gone; every other entry and what git knows of it kept.
    private static func update(_ path: String) throws {
        let repository = try #require(try GitRepository.discover(containing: path, environment: [:]))
        let entries = [("a.yaml", "edited\n"), ("new.yaml", "new\n")].map {
            IndexEntry(path: RelativePath($0.0)!, id: ObjectID.blob(holding: Array($0.1.utf8)))
        }
        try repository.updateEntries(under: RelativePath("rendered")!, setting: entries, removing: [RelativePath("gone.yaml")!],
                                     indexFile: repository.indexFile, scratch: repository.indexFile + ".mcapply")
    }

    @Test func entriesAreWhatGitReadsBack() throws {
        let path = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GitShell.run(path, "git hash-object -w rendered/a.yaml rendered/new.yaml > /dev/null && git update-index --skip-worktree rendered/é/日本.yaml")
        let before = try GitShell.run(path, "git ls-files --stage --debug -- topology.yaml rendered/east rendered/é")
        try Self.update(path)
        #expect(try GitShell.run(path, "git -c core.quotePath=false ls-files --stage") == """
            100644 \(ObjectID.blob(holding: Array("edited\n".utf8))) 0\trendered/a.yaml
            100644 \(ObjectID.blob(holding: Array("b\n".utf8))) 0\trendered/east/b.yaml
            100644 \(ObjectID.blob(holding: Array("new\n".utf8))) 0\trendered/new.yaml
            100644 \(ObjectID.blob(holding: Array("c\n".utf8))) 0\trendered/é/日本.yaml
            100644 \(ObjectID.blob(holding: Array("t\n".utf8))) 0\ttopology.yaml

            """)
        // The entries not named are copied as they were: stat data, flags (skip-worktree) and all.
        #expect(try GitShell.run(path, "git ls-files --stage --debug -- topology.yaml rendered/east rendered/é") == before)
        // The staged ones carry their files' status: git finds them unchanged without reading them.
        var info = stat()
        #expect(lstat(path + "/rendered/new.yaml", &info) == 0)
        let debug = try GitShell.run(path, "git ls-files --debug -- rendered/new.yaml")
        #expect(debug.contains("mtime: \(info.st_mtim.tv_sec):\(info.st_mtim.tv_nsec)"), "\(debug)")
        #expect(debug.contains("ino: \(info.st_ino)") && debug.contains("size: 4"), "\(debug)")
        // Staged, not committed (mcapply commits first): nothing differs between index and work tree.
        #expect(try GitShell.run(path, "git status --porcelain -uall") == "M  rendered/a.yaml\nD  rendered/gone.yaml\nA  rendered/new.yaml\n")
        #expect(try GitShell.run(path, "git diff-files --name-only") == "")
        // The cache tree is left for git to make again: the tree git writes is the entries' own.
        let tree = try GitShell.run(path, "git write-tree").trimmingCharacters(in: .whitespacesAndNewlines)
        let listed = try GitShell.run(path, "git -c core.quotePath=false ls-tree -r \(tree)").replacingOccurrences(of: " blob ", with: " ")
        #expect(listed == (try GitShell.run(path, "git -c core.quotePath=false ls-files --stage").replacingOccurrences(of: " 0\t", with: "\t")))
    }

    /// An index of several of the writer's pieces (a megabyte each) comes out whole: every entry
    /// once, in order, under a checksum of the whole file.
    @Test func indexLargerThanAPieceIsWrittenWhole() throws {
        let path = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GitShell.run(path, """
            git hash-object -w rendered/a.yaml rendered/new.yaml > /dev/null && blob=$(git hash-object -w topology.yaml) && i=0 && while [ $i -lt 30000 ]; do             printf '100644 %s\trendered/bulk/%05d.yaml\n' "$blob" $i; i=$((i + 1)); done | git update-index --index-info
            """)
        let before = try #require(LocalFiles.read(path + "/.git/index"))
        #expect(before.count > 2 << 20)
        try Self.update(path)
        let after = try #require(LocalFiles.read(path + "/.git/index"))
        #expect(after.withUnsafeBytes { IndexFile.verifies($0) } && !after.suffix(20).allSatisfy { $0 == 0 })
        let listed = try GitShell.run(path, "git ls-files --stage").split(separator: "\n")
        #expect(listed.count == 30_005)
        #expect(listed.filter { $0.contains("rendered/bulk/") }.count == 30_000)
        #expect(listed.contains { $0.hasSuffix("\trendered/new.yaml") } && !listed.contains { $0.hasSuffix("\trendered/gone.yaml") })
        #expect(try GitShell.run(path, "git fsck --no-dangling 2>&1; echo $?").hasSuffix("0\n"))
    }

    /// A conflict's stages go with the path; the resolve-undo record of a resolved one stays.
    @Test func conflictsAndResolveUndo() throws {
        let path = try GitShell.repository("""
            git init -q -b main && mkdir -p rendered/east && printf 'a\\n' > rendered/a.yaml && printf 'b\\n' > rendered/east/b.yaml \
            && printf 'gone\\n' > rendered/gone.yaml && git add -A && git commit -qm base \
            && git checkout -qb side && printf 'side\\n' | tee rendered/a.yaml > rendered/east/b.yaml && git commit -qam side \
            && git checkout -q main && printf 'main\\n' | tee rendered/a.yaml > rendered/east/b.yaml && git commit -qam main \
            && { git merge -q side > /dev/null 2>&1; true; } && printf 'both\\n' > rendered/east/b.yaml && git add rendered/east/b.yaml \
            && printf 'edited\\n' > rendered/a.yaml && printf 'new\\n' > rendered/new.yaml && rm rendered/gone.yaml
            """)
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try GitShell.run(path, "git ls-files --stage -- rendered/a.yaml").split(separator: "\n").count == 3, "a conflict to clear")
        #expect(try GitShell.run(path, "git ls-files --resolve-undo").contains("rendered/east/b.yaml"), "a resolve-undo record")
        let raw = try #require(LocalFiles.read(path + "/.git/index"))
        try Self.update(path)
        #expect(try GitShell.run(path, "git ls-files --stage -- rendered")
            == "100644 \(ObjectID.blob(holding: Array("edited\n".utf8))) 0\trendered/a.yaml\n"
            + "100644 \(ObjectID.blob(holding: Array("both\n".utf8))) 0\trendered/east/b.yaml\n"
            + "100644 \(ObjectID.blob(holding: Array("new\n".utf8))) 0\trendered/new.yaml\n")
        #expect(try GitShell.run(path, "git ls-files --resolve-undo").contains("rendered/east/b.yaml"))
        let after = try #require(LocalFiles.read(path + "/.git/index"))
        func extensions(_ bytes: [UInt8]) -> [String] {
            bytes.withUnsafeBytes { raw in
                IndexFile.Layout(raw)?.extensions.map { String(decoding: raw[$0.bytes.lowerBound..<($0.bytes.lowerBound + 4)], as: UTF8.self) } ?? ["?"]
            }
        }
        #expect(extensions(raw).contains("REUC"))
        #expect(extensions(after) == ["REUC"])
    }

    /// A file staged where a kept entry's folder is, or a folder where a kept file is, is left to
    /// libgit2 (which replaces what is in the way): git refuses an index holding both.
    @Test func fileFolderCollisionsAreLeftToLibgit2() throws {
        let path = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let raw = try #require(LocalFiles.read(path + "/.git/index"))
        let status = try #require(FileStatus(path + "/rendered/new.yaml"))
        func adding(_ name: String, dropping: [String] = []) -> [UInt8]? {
            IndexFile.rewritten(raw, dropping: Set(([name] + dropping).map { Array($0.utf8) }),
                                adding: [IndexFile.NewEntry(path: Array(name.utf8), id: ObjectID.blob(holding: []), status: status)])
        }
        #expect(adding("rendered/a.yaml/inside.yaml") == nil, "a folder where a file is kept")
        #expect(adding("rendered/east") == nil, "a file where a folder's files are kept")
        #expect(adding("rendered/a.yaml/inside.yaml", dropping: ["rendered/a.yaml"]) != nil, "the file in the way goes")
        #expect(adding("rendered/east", dropping: ["rendered/east/b.yaml"]) != nil, "the folder's one file goes")
        #expect(adding("rendered/eastern.yaml") != nil)
    }

    /// What the direct writer does not handle goes to libgit2, which writes the same entries.
    @Test func otherIndexesAreLeftToLibgit2() throws {
        let path = try Self.repository()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try GitShell.run(path, "git update-index --index-version 4")
        let raw = try #require(LocalFiles.read(path + "/.git/index"))
        #expect(IndexFile.rewritten(raw, dropping: [], adding: []) == nil)
        try Self.update(path)
        #expect(try GitShell.run(path, "git ls-files --stage -- rendered/new.yaml rendered/gone.yaml")
            == "100644 \(ObjectID.blob(holding: Array("new\n".utf8))) 0\trendered/new.yaml\n")
        #expect(try GitShell.run(path, "git status --porcelain -uall") == "M  rendered/a.yaml\nD  rendered/gone.yaml\nA  rendered/new.yaml\n")
    }
}
