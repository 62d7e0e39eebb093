// Plain values about a git repository that the libgit2 layer (MCGit), the repository seam
// (MCStore) and planning share.

/// A commit's id as 40 hex digits.
package typealias CommitID = String

/// The files of one folder as a commit holds them: blob ids, read with `Repository.files(of:known:)`.
package struct CommittedFolder: Sendable {
    /// The folder's tree id, or nil when the commit has no such folder.
    package var treeID: String?
    /// Every blob under the folder by path relative to it (symlinks included).
    package var blobs: [RelativePath: ObjectID]

    package init(treeID: String?, blobs: [RelativePath: ObjectID]) {
        self.treeID = treeID
        self.blobs = blobs
    }

    package static let empty = CommittedFolder(treeID: nil, blobs: [:])
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

/// What moving a branch found.
package enum BranchMove: Sendable, Equatable {
    case moved
    /// Someone else moved (or created) the branch first; nothing changed.
    case raced
}
