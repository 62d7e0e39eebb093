// Plain values about a git repository that the libgit2 layer (MCGit), the repository seam
// (MCStore) and planning share.

/// A commit's id as 40 hex digits.
package typealias CommitID = String

/// The files of one folder as a commit holds them: blob ids, read with `Repository.files(of:except:)`.
package struct CommittedFolder: Sendable {
    /// The folder's tree id, or nil when the commit has no such folder.
    package var treeID: String?
    /// Every blob under the folder (symlinks included) by path relative to it, in path order: a
    /// render, in path order too, is compared with the folder by walking both, and single paths
    /// are found through `table` (a dictionary of them was 8 MB at 500 clusters).
    package private(set) var ordered: [(path: RelativePath, id: ObjectID)]
    /// Submodules (gitlinks) under the folder: commit ids, not files.
    package var submodules: [RelativePath]
    /// Blobs committed with a mode other than 100644 (executables, symlinks).
    package var special: Set<RelativePath>
    /// The id of every tree under the folder, its own included (empty when not read): objects a
    /// commit on top of this one need not look for.
    package var trees: Set<ObjectID>
    private var table: PathTable

    /// A folder of `blobs`, put in path order here.
    package init(treeID: String?, blobs: [RelativePath: ObjectID], submodules: [RelativePath] = [], special: Set<RelativePath> = [],
                 trees: Set<ObjectID> = []) {
        self.init(treeID: treeID, ordered: blobs.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }, submodules: submodules,
                  special: special, trees: trees)
    }

    /// A folder of blobs already in path order (a walk of git's trees in path order).
    package init(treeID: String?, ordered: [(path: RelativePath, id: ObjectID)], submodules: [RelativePath] = [],
                 special: Set<RelativePath> = [], trees: Set<ObjectID> = []) {
        assert(zip(ordered, ordered.dropFirst()).allSatisfy { $0.path < $1.path }, "blobs in path order")
        self.treeID = treeID
        self.ordered = ordered
        self.submodules = submodules
        self.special = special
        self.trees = trees
        table = PathTable(count: ordered.count) { ordered[$0].path }
    }

    package static let empty = CommittedFolder(treeID: nil, ordered: [])

    package var count: Int { ordered.count }
    package var isEmpty: Bool { ordered.isEmpty }
    /// The blobs' paths, in path order.
    package var paths: LazyMapCollection<[(path: RelativePath, id: ObjectID)], RelativePath> { ordered.lazy.map(\.path) }
    /// The blobs' ids, in path order.
    package var ids: LazyMapCollection<[(path: RelativePath, id: ObjectID)], ObjectID> { ordered.lazy.map(\.id) }

    /// The blob id at `path` (the same bytes), if any.
    package func id(at path: RelativePath) -> ObjectID? {
        table.position(of: path) { ordered[$0].path }.map { ordered[$0].id }
    }

    /// The blob at `path` set to `id`, or removed (nil): a change made by hand, which puts the
    /// list in order again.
    package mutating func set(_ id: ObjectID?, at path: RelativePath) {
        var blobs = Dictionary(ordered, uniquingKeysWith: { first, _ in first })
        blobs[path] = id
        self = CommittedFolder(treeID: treeID, blobs: blobs, submodules: submodules, special: special, trees: trees)
    }
}

/// What `git status` says of a folder.
package struct UncommittedState: Sendable {
    /// Paths whose index or work-tree state differs from HEAD, sorted.
    package var changes: [UncommittedChange]
    /// The commit whose files the folder was proved to hold exactly, and nothing else (every file
    /// compared with the index and HEAD, every folder's names counted: nothing ignored, untracked,
    /// empty or a symlink); nil when it was not proved, even if `changes` is empty.
    package var provedAt: CommitID?

    package init(changes: [UncommittedChange], provedAt: CommitID? = nil) {
        self.changes = changes
        self.provedAt = provedAt
    }
}

/// A path under a folder whose work-tree or index state differs from HEAD.
package struct UncommittedChange: Sendable, Hashable {
    package enum Kind: String, Sendable { case modified, added, deleted, typeChanged = "type-changed" }

    package var path: RelativePath
    package var kind: Kind

    package init(path: RelativePath, kind: Kind) {
        self.path = path
        self.kind = kind
    }
}

/// Who a commit is by.
package struct Identity: Sendable, Equatable {
    package var name: String
    package var email: String

    package init(name: String, email: String) {
        self.name = name
        self.email = email
    }
}

/// Who made a commit and when: the time in seconds since 1970 and the offset of its time zone.
package struct Signature: Sendable, Equatable {
    package var identity: Identity
    package var time: Int64
    package var offsetMinutes: Int32

    package init(_ identity: Identity, time: Int64, offsetMinutes: Int32 = 0) {
        self.identity = identity
        self.time = time
        self.offsetMinutes = offsetMinutes
    }
}

/// What moving a branch found.
package enum BranchMove: Sendable, Equatable {
    case moved
    /// Someone else moved (or created) the branch first; nothing changed.
    case raced
    /// Another process holds the branch's lock file (`refs/heads/<name>.lock`); nothing changed.
    case locked
}

/// Whether a branch may be committed onto.
package enum BranchCheck: Sendable, Equatable {
    case usable
    /// Not a name git accepts for a branch (`HEAD`, `-x`, `a..b`, a tag's `refs/tags/…`).
    case invalidName
    /// Checked out in another worktree of the repository (git refuses to move it there).
    case checkedOutElsewhere
}

/// One file of a folder as the index should record it: its blob id (the index then holds
/// exactly what was committed, whatever the work tree holds).
package struct IndexEntry: Sendable, Equatable {
    package var path: RelativePath
    package var id: ObjectID

    package init(path: RelativePath, id: ObjectID) {
        self.path = path
        self.id = id
    }
}

/// What the index says about a folder before mcapply touches it.
package struct IndexFacts: Sendable, Equatable {
    /// Entries marked skip-worktree (a sparse checkout leaves them out of the work tree).
    package var skipWorktree: [RelativePath] = []

    package init(skipWorktree: [RelativePath] = []) {
        self.skipWorktree = skipWorktree
    }
}

/// A file to commit: its path in the folder, its blob id and its bytes (asked for only when the
/// object database lacks the blob: a render need not hold the bytes of files already committed).
package struct CommitFile: Sendable {
    package var path: RelativePath
    package var id: ObjectID
    package var bytes: [UInt8] { content() }
    private let content: @Sendable () -> [UInt8]

    package init(path: RelativePath, id: ObjectID, bytes: @autoclosure @escaping @Sendable () -> [UInt8]) {
        self.path = path
        self.id = id
        content = bytes
    }

    /// Hashes `bytes` for the id.
    package init(path: RelativePath, bytes: [UInt8]) {
        self.init(path: path, id: .blob(holding: bytes), bytes: bytes)
    }
}
