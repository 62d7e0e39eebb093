import Foundation
import MCBasics
import MCStore
import MCTestSupport
import Testing

/// A fresh repository on branch `main` with no commit, and a way to change its work tree.
protocol RepositoryFixture: AnyObject {
    var repository: any Repository { get }
    /// Writes (or with nil removes) a work-tree file, by path from the root.
    func write(_ path: String, _ text: String?) throws
    /// Commits the whole work tree onto the checked-out branch, as `git add -A && git commit` does.
    func commitAll() throws
    func tearDown()
}

/// git itself, through libgit2, in a temporary folder made with the git CLI.
final class GitFixture: RepositoryFixture {
    let path = NSTemporaryDirectory() + "mcstore-test-" + UUID().uuidString
    let repository: any Repository

    init() throws {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let result = try Command.run("/usr/bin/env", ["git", "-C", path, "init", "-q", "-b", "main"])
        #expect(result.status == 0, "\(result.stderr)")
        repository = try #require(try LocalRepository.discover(containing: path))
    }

    func write(_ relative: String, _ text: String?) throws {
        let full = path + "/" + relative
        guard let text else { return try FileManager.default.removeItem(atPath: full) }
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: full, atomically: true, encoding: .utf8)
    }

    func commitAll() throws {
        for arguments in [["add", "-A"], ["commit", "-q", "-m", "files"]] {
            let result = try Command.run("/usr/bin/env", ["git", "-C", path] + arguments, environment: [
                "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com", "GIT_COMMITTER_NAME": "Test",
                "GIT_COMMITTER_EMAIL": "test@example.com", "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent",
            ])
            #expect(result.status == 0, "git \(arguments): \(result.stderr)")
        }
    }

    func tearDown() { try? FileManager.default.removeItem(atPath: path) }
}

/// The in-memory twin.
final class MemoryFixture: RepositoryFixture {
    let memory = InMemoryRepository()
    var repository: any Repository { memory }

    func write(_ path: String, _ text: String?) throws {
        memory.writeWorkTree(RelativePath(path)!, text.map { Array($0.utf8) })
    }

    func commitAll() throws { _ = try memory.commitWorkTree(message: "files") }

    func tearDown() {}
}

enum Backend: String, CaseIterable, CustomTestStringConvertible {
    case git, memory

    var testDescription: String { rawValue }

    func fixture() throws -> any RepositoryFixture {
        switch self {
        case .git: try GitFixture()
        case .memory: MemoryFixture()
        }
    }
}

private let rendered = RelativePath("rendered")!
private let identity = Identity(name: "Test", email: "test@example.com")

private func signature(_ time: Int64) -> Signature { Signature(identity, time: time) }

private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

/// One suite, run against git and against its in-memory twin: what the pipeline relies on.
@Suite struct RepositoryContractTests {
    @Test(arguments: Backend.allCases)
    func unbornBranch(backend: Backend) throws {
        let fixture = try backend.fixture()
        defer { fixture.tearDown() }
        let repository = fixture.repository
        #expect(repository.workTree != nil)
        #expect(try repository.commit("HEAD") == nil)
        #expect(try repository.currentBranch() == "refs/heads/main")
        #expect(try repository.tip(of: "refs/heads/main") == nil)
        let empty = try repository.snapshot(of: rendered, at: nil)
        #expect(empty.treeID == nil && empty.isEmpty)
        #expect(try repository.folderTreeID(rendered, at: nil) == nil)
    }

    /// A tree written from memory, committed and swapped in, reads back as written.
    @Test(arguments: Backend.allCases)
    func commitFromMemoryReadsBack(backend: Backend) throws {
        let fixture = try backend.fixture()
        defer { fixture.tearDown() }
        let repository = fixture.repository
        let files = [CommitFile(path: RelativePath("east/a.yaml")!, bytes: bytes("a\n")), CommitFile(path: RelativePath("b.json")!, bytes: bytes("{}\n"))]
        let tree = try repository.tree(replacing: rendered, with: files, on: nil)
        #expect(try repository.tree(replacing: rendered, with: files, on: nil) == tree)
        let commit = try repository.commit(tree: tree, parent: nil, message: "first\n", author: signature(1_700_000_000), committer: signature(1_700_000_000))
        #expect(try repository.treeID(of: commit) == tree)
        #expect(try repository.moveBranch("refs/heads/main", to: commit, expecting: nil, log: "test") == .moved)
        #expect(try repository.commit("HEAD") == commit)
        #expect(try repository.commit("main") == commit)
        #expect(try repository.tip(of: "refs/heads/main") == commit)
        let snapshot = try repository.snapshot(of: rendered, at: commit)
        #expect(snapshot.ordered.map { "\($0.path) \($0.id)" } == files.map { "\($0.path) \(ObjectID.blob(holding: $0.bytes))" }.sorted())
        let folderTree = try repository.folderTreeID(rendered, at: commit)
        #expect(snapshot.treeID != nil && snapshot.treeID == folderTree)
        let read = try repository.files(of: snapshot, except: { _, _ in false })
        #expect(read == Dictionary(uniqueKeysWithValues: files.map { ($0.path, $0.bytes) }))
        let held = RelativePath("east/a.yaml")!
        var rest = read
        rest[held] = nil
        #expect(try repository.files(of: snapshot, except: { $0 == held && $1 == ObjectID.blob(holding: bytes("a\n")) }) == rest)
        #expect(throws: RepositoryError.self) { try repository.commit("no-such-branch") }
    }

    /// The branch moves only from the tip it was read at; a lost race changes nothing.
    @Test(arguments: Backend.allCases)
    func branchMovesByCompareAndSwap(backend: Backend) throws {
        let fixture = try backend.fixture()
        defer { fixture.tearDown() }
        let repository = fixture.repository
        let first = try repository.commit(tree: try repository.tree(replacing: rendered, with: [CommitFile(path: RelativePath("a")!, bytes: bytes("1"))], on: nil),
                                          parent: nil, message: "1\n", author: signature(1), committer: signature(1))
        let second = try repository.commit(tree: try repository.tree(replacing: rendered, with: [CommitFile(path: RelativePath("a")!, bytes: bytes("2"))], on: first),
                                           parent: first, message: "2\n", author: signature(2), committer: signature(2))
        #expect(try repository.moveBranch("refs/heads/main", to: first, expecting: nil, log: "t") == .moved)
        #expect(try repository.moveBranch("refs/heads/main", to: second, expecting: nil, log: "t") == .raced)
        #expect(try repository.moveBranch("refs/heads/main", to: second, expecting: second, log: "t") == .raced)
        #expect(try repository.tip(of: "refs/heads/main") == first)
        #expect(try repository.moveBranch("refs/heads/main", to: second, expecting: first, log: "t") == .moved)
        #expect(try repository.tip(of: "refs/heads/main") == second)
        #expect(try repository.moveBranch("refs/heads/other", to: first, expecting: nil, log: "t") == .moved)
        #expect(try repository.commit("other") == first)
    }

    /// Replacing the folder keeps everything else of the base tree; an empty folder is removed.
    @Test(arguments: Backend.allCases)
    func replacingTheFolderKeepsTheRest(backend: Backend) throws {
        let fixture = try backend.fixture()
        defer { fixture.tearDown() }
        try fixture.write("config/topology.yaml", "x: 1\n")
        try fixture.write("rendered/old.yaml", "old\n")
        try fixture.commitAll()
        let repository = fixture.repository
        let head = try repository.commit("HEAD")
        let tree = try repository.tree(replacing: rendered, with: [CommitFile(path: RelativePath("new.yaml")!, bytes: bytes("new\n"))], on: head)
        let commit = try repository.commit(tree: tree, parent: head, message: "m\n", author: signature(3), committer: signature(3))
        #expect(try repository.snapshot(of: rendered, at: commit).paths.map(\.string) == ["new.yaml"])
        let config = RelativePath("config")!
        #expect(try repository.snapshot(of: config, at: commit).paths.map(\.string) == ["topology.yaml"])
        let emptied = try repository.commit(tree: try repository.tree(replacing: rendered, with: [], on: head), parent: head,
                                            message: "e\n", author: signature(4), committer: signature(4))
        #expect(try repository.snapshot(of: rendered, at: emptied).treeID == nil)
        #expect(try repository.snapshot(of: config, at: emptied).paths.map(\.string) == ["topology.yaml"])
        #expect(try repository.tree(replacing: RelativePath("elsewhere")!, with: [], on: head) == repository.treeID(of: head!))
    }

    /// Work-tree changes under the folder are listed like `git status`; staging the changed paths'
    /// committed content leaves the folder clean, and nothing outside it is touched.
    @Test(arguments: Backend.allCases)
    func uncommittedChangesAndStaging(backend: Backend) throws {
        let fixture = try backend.fixture()
        defer { fixture.tearDown() }
        try fixture.write("rendered/kept.yaml", "kept\n")
        try fixture.write("rendered/edited.yaml", "before\n")
        try fixture.write("rendered/gone.yaml", "gone\n")
        try fixture.commitAll()
        let repository = fixture.repository
        #expect(try repository.uncommittedChanges(under: rendered).isEmpty)
        try fixture.write("rendered/edited.yaml", "after\n")
        try fixture.write("rendered/gone.yaml", nil)
        try fixture.write("rendered/east/new.yaml", "new\n")
        let changes = try repository.uncommittedChanges(under: rendered).map { "\($0.kind.rawValue) \($0.path)" }
        #expect(changes == ["added east/new.yaml", "modified edited.yaml", "deleted gone.yaml"])

        let files = [
            CommitFile(path: RelativePath("east/new.yaml")!, bytes: bytes("new\n")), CommitFile(path: RelativePath("edited.yaml")!, bytes: bytes("after\n")),
            CommitFile(path: RelativePath("kept.yaml")!, bytes: bytes("kept\n")),
        ]
        let head = try repository.commit("HEAD")
        let commit = try repository.commit(tree: try repository.tree(replacing: rendered, with: files, on: head), parent: head,
                                           message: "m\n", author: signature(5), committer: signature(5))
        #expect(try repository.moveBranch("refs/heads/main", to: commit, expecting: head, log: "t") == .moved)
        // Only what changed is named: kept.yaml's entry stays as it is.
        let entries = files.filter { $0.path.string != "kept.yaml" }.map { IndexEntry(path: $0.path, id: $0.id) }
        try repository.updateIndex(under: rendered, setting: entries, removing: [RelativePath("gone.yaml")!])
        #expect(try repository.uncommittedChanges(under: rendered).isEmpty)
    }

    /// One writer at a time: a second attempt while the lock is held is refused, and once it is
    /// released the next one gets it. The pending note survives between holders.
    @Test(arguments: Backend.allCases)
    func oneWriterAtATime(backend: Backend) throws {
        let fixture = try backend.fixture()
        defer { fixture.tearDown() }
        let repository = fixture.repository
        guard case .acquired(let lock) = try repository.lockForWriting() else { Issue.record("the first writer gets the lock"); return }
        guard case .held = try repository.lockForWriting() else { Issue.record("a second writer is refused"); return }
        #expect(lock.pending == nil)
        let pending = PendingApply(folder: rendered, from: nil, to: String(repeating: "a", count: 40))
        try lock.record(pending)
        lock.release()
        guard case .acquired(let next) = try repository.lockForWriting() else { Issue.record("released, the lock is free"); return }
        #expect(next.pending == pending)
        try next.record(nil)
        #expect(next.pending == nil)
        next.release()
    }

    @Test(arguments: Backend.allCases)
    func branchNamesGitRefuses(backend: Backend) throws {
        let fixture = try backend.fixture()
        defer { fixture.tearDown() }
        let repository = fixture.repository
        for name in ["refs/heads/main", "refs/heads/mesh", "refs/heads/team/mesh-1"] {
            #expect(try repository.check(branch: name) == .usable, "\(name)")
        }
        for name in ["refs/heads/HEAD", "refs/tags/v9", "refs/heads/-x", "refs/heads/a..b", "refs/heads/a b", "refs/heads/x.lock", "refs/heads/.x", "refs/heads/"] {
            #expect(try repository.check(branch: name) == .invalidName, "\(name)")
        }
    }
}
