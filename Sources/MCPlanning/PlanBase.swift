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
        self.files = Files(ids: files.mapValues { ObjectID.blob(holding: $0) }, read: files, rendered: nil)
        self.uncommitted = uncommitted
    }

    /// A base read from a commit: the bytes of the files `rendered` does not hold exactly (the
    /// same path and blob id) are in `read`; the others are the render's.
    package init(committed: CommittedFolder, read: [RelativePath: [UInt8]], rendered: RenderedTree, uncommitted: [UncommittedChange] = []) {
        assert(committed.blobs.allSatisfy { read[$0.key] != nil || rendered.rendered($0.key)?.id == $0.value }, "every file read or rendered")
        files = Files(ids: committed.blobs, read: read, rendered: rendered)
        self.uncommitted = uncommitted
    }

    /// The committed files: each one's blob id, and its bytes, which for a file committed exactly
    /// as rendered are the render's (held only by the render, if at all: a plan compares ids).
    package struct Files: Sendable {
        private var ids: [RelativePath: ObjectID]
        private var read: [RelativePath: [UInt8]]
        private let rendered: RenderedTree?

        fileprivate init(ids: [RelativePath: ObjectID], read: [RelativePath: [UInt8]], rendered: RenderedTree?) {
            (self.ids, self.read, self.rendered) = (ids, read, rendered)
        }

        package var count: Int { ids.count }
        package var isEmpty: Bool { ids.isEmpty }
        package var paths: Dictionary<RelativePath, ObjectID>.Keys { ids.keys }

        /// The blob id of the file at `path`, if committed.
        package func id(at path: RelativePath) -> ObjectID? { ids[path] }

        /// Whether the file at `path` is committed exactly as rendered.
        package func isRendered(_ path: RelativePath) -> Bool {
            guard read[path] == nil, let id = ids[path], let file = rendered?.rendered(path) else { return false }
            return file.id == id
        }

        /// The bytes of the file at `path`, if committed. Setting them (a test's edit) sets its id too.
        package subscript(path: RelativePath) -> [UInt8]? {
            get {
                if let bytes = read[path] { return bytes }
                guard let id = ids[path], let file = rendered?.rendered(path), file.id == id else { return nil }
                return file.bytes
            }
            set {
                read[path] = newValue
                ids[path] = newValue.map { ObjectID.blob(holding: $0) }
            }
        }
    }
}
