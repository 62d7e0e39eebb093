import Foundation
import MCBasics
import MCGit
import MCTestSupport
import Testing

/// The read side against a real repository made with the git CLI.
@Suite struct GitReadTests {
    /// A repository whose one commit holds `files` under `rendered/`, and its path (removed by the caller).
    private func repository(_ files: [String: String]) throws -> String {
        let path = NSTemporaryDirectory() + "mcgit-test-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: path + "/rendered", withIntermediateDirectories: true)
        for (name, text) in files {
            let full = path + "/rendered/" + name
            try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: full, atomically: true, encoding: .utf8)
        }
        for arguments in [["init", "-q", "-b", "main"], ["add", "-A"], ["commit", "-q", "-m", "files"]] {
            let result = try Command.run("/usr/bin/env", ["git", "-C", path] + arguments, environment: [
                "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com", "GIT_COMMITTER_NAME": "Test",
                "GIT_COMMITTER_EMAIL": "test@example.com", "GIT_CONFIG_NOSYSTEM": "1", "HOME": "/nonexistent",
            ])
            #expect(result.status == 0, "git \(arguments): \(result.stderr)")
        }
        return path
    }

    private static let files = ["a.yaml": "kind: A\n", "east/linkerd/b.yaml": "kind: B\n", "empty.txt": "", "é/日本.yaml": "x: 日本\n"]

    /// The ids computed in memory are the ones git gave the committed blobs.
    @Test func blobIDsMatchWhatGitStores() throws {
        let path = try repository(Self.files)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let repository = try #require(try GitRepository.discover(containing: path, environment: [:]))
        let snapshot = try repository.snapshot(of: RelativePath("rendered")!, at: repository.commit("HEAD"))
        #expect(Set(snapshot.paths.map(\.string)) == Set(Self.files.keys))
        for (name, text) in Self.files {
            #expect(snapshot.id(at: RelativePath(name)!) == ObjectID.blob(holding: Array(text.utf8)), "\(name)")
        }
        let listed = try Command.run("/usr/bin/env", ["git", "-C", path, "rev-parse", "HEAD:rendered"])
        #expect(snapshot.treeID == listed.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// The blobs listed in path order, which git's tree order is not where a name starts another
    /// and a byte below `/` follows it there (`a-b.yaml` before the folder `a` in a tree).
    @Test func blobsAreListedInPathOrder() throws {
        let files = Self.files.merging(["a/x.yaml": "1\n", "a-b.yaml": "2\n", "a.b/y.yaml": "3\n", "ab": "4\n", "east/linkerd-multicluster/c.yaml": "5\n"]) { a, _ in a }
        let path = try repository(files)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let repository = try #require(try GitRepository.discover(containing: path, environment: [:]))
        let snapshot = try repository.snapshot(of: RelativePath("rendered")!, at: repository.commit("HEAD"))
        let ordered = snapshot.ordered
        #expect(ordered.map(\.path) == files.keys.map { RelativePath($0)! }.sorted())
        #expect(ordered.allSatisfy { snapshot.id(at: $0.path) == $0.id } && snapshot.id(at: RelativePath("a")!) == nil)
    }

    /// Every blob is read but those the caller holds (by path and id): one held at another path,
    /// or with another id, is read.
    @Test func filesReadAllButTheHeldOnes() throws {
        let path = try repository(Self.files)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let repository = try #require(try GitRepository.discover(containing: path, environment: [:]))
        let snapshot = try repository.snapshot(of: RelativePath("rendered")!, at: repository.commit("HEAD"))
        let all = try repository.files(of: snapshot, except: { _, _ in false })
        #expect(all.mapValues { String(decoding: $0, as: UTF8.self) } == Dictionary(uniqueKeysWithValues: Self.files.map { (RelativePath($0.key)!, $0.value) }))
        let held = RelativePath("a.yaml")!
        let markerID = ObjectID.blob(holding: Array("kind: A\n".utf8))
        var rest = all
        rest[held] = nil
        #expect(try repository.files(of: snapshot, except: { $0 == held && $1 == markerID }) == rest)
        #expect(try repository.files(of: snapshot, except: { $0 == RelativePath("empty.txt")! && $1 == markerID }) == all)
    }

    /// A folder the commit does not have, and an unborn branch, are empty.
    @Test func missingFolderAndUnbornBranchAreEmpty() throws {
        let path = try repository(["a.yaml": "x\n"])
        defer { try? FileManager.default.removeItem(atPath: path) }
        let repository = try #require(try GitRepository.discover(containing: path, environment: [:]))
        let missing = try repository.snapshot(of: RelativePath("elsewhere")!, at: repository.commit("HEAD"))
        #expect(missing.treeID == nil && missing.isEmpty)
        #expect(try repository.snapshot(of: RelativePath("rendered")!, at: nil).isEmpty)
        #expect(try repository.folderTreeID(RelativePath("rendered")!, at: repository.commit("HEAD"))
                == repository.snapshot(of: RelativePath("rendered")!, at: repository.commit("HEAD")).treeID)
    }
}
