import MCBasics

/// What the plan compares against: the rendered folder as committed at the base, and how the
/// work tree differs from HEAD under it.
package struct PlanBase: Sendable {
    /// Files under the folder at the base commit, by path relative to the folder.
    package var files: [RelativePath: [UInt8]]
    /// Uncommitted changes under the folder (work tree or index against HEAD).
    package var uncommitted: [WorkTreeChange]

    package init(files: [RelativePath: [UInt8]], uncommitted: [WorkTreeChange] = []) {
        self.files = files
        self.uncommitted = uncommitted
    }
}

/// A path of the folder that differs between the work tree (or index) and HEAD.
package struct WorkTreeChange: Sendable, Hashable {
    package var path: RelativePath
    /// "modified", "added", "deleted" or "type-changed".
    package var kind: String

    package init(path: RelativePath, kind: String) {
        self.path = path
        self.kind = kind
    }
}
