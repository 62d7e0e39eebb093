import MCBasics
import MCRendering

/// What the plan compares against: the rendered folder as committed at the base, and how the
/// work tree differs from HEAD under it.
package struct PlanBase: Sendable {
    /// Files under the folder at the base commit, by path relative to the folder.
    package var files: Files
    /// Uncommitted changes under the folder (work tree or index against HEAD).
    package var uncommitted: [UncommittedChange]

    /// A base whose every file's bytes are given.
    package init(files: [RelativePath: [UInt8]], uncommitted: [UncommittedChange] = []) {
        self.files = Files(committed: CommittedFolder(treeID: nil, blobs: files.mapValues { ObjectID.blob(holding: $0) }), read: files,
                           rendered: nil)
        self.uncommitted = uncommitted
    }

    /// A base read from a commit: the bytes of the files `rendered` does not hold exactly (the
    /// same path and blob id) are in `read`; the others are the render's. `unread` names files
    /// whose bytes were not read at all (a plan without details needs no bytes of the manifest,
    /// 8 MB at 500 clusters, which only its diff and the drift read): they have ids and no bytes.
    package init(committed: CommittedFolder, read: [RelativePath: [UInt8]], rendered: RenderedTree, unread: Set<RelativePath> = [],
                 uncommitted: [UncommittedChange] = []) {
        assert(committed.ordered.allSatisfy { read[$0.path] != nil || unread.contains($0.path) || rendered.holds($0.path, as: $0.id) },
               "every file read, rendered or named unread")
        files = Files(committed: committed, read: read, rendered: rendered)
        self.uncommitted = uncommitted
    }

    /// The committed files: each one's blob id, and its bytes, which for a file committed exactly
    /// as rendered are the render's (held only by the render, if at all: a plan compares ids).
    package struct Files: Sendable {
        private var committed: CommittedFolder
        private var read: [RelativePath: [UInt8]]
        private let rendered: RenderedTree?

        fileprivate init(committed: CommittedFolder, read: [RelativePath: [UInt8]], rendered: RenderedTree?) {
            (self.committed, self.read, self.rendered) = (committed, read, rendered)
        }

        package var count: Int { committed.count }
        package var isEmpty: Bool { committed.isEmpty }
        /// The committed paths, in path order.
        package var paths: LazyMapCollection<[(path: RelativePath, id: ObjectID)], RelativePath> { committed.paths }

        /// The blob id of the file at `path`, if committed.
        package func id(at path: RelativePath) -> ObjectID? { committed.id(at: path) }

        /// Whether the file at `path` is committed exactly as rendered.
        package func isRendered(_ path: RelativePath) -> Bool {
            guard read[path] == nil, let id = committed.id(at: path) else { return false }
            return rendered?.holds(path, as: id) == true
        }

        /// The bytes of the file at `path`, if committed and not left unread. Setting them (a
        /// test's edit) sets its id too.
        package subscript(path: RelativePath) -> [UInt8]? {
            get {
                if let bytes = read[path] { return bytes }
                return isRendered(path) ? rendered?.file(path) : nil
            }
            set {
                read[path] = newValue
                committed.set(newValue.map { ObjectID.blob(holding: $0) }, at: path)
            }
        }
    }
}
