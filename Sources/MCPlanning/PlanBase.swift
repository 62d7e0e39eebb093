import MCBasics

/// What the plan compares against: the rendered folder as committed at the base, and how the
/// work tree differs from HEAD under it.
package struct PlanBase: Sendable {
    /// Files under the folder at the base commit, by path relative to the folder.
    package var files: [RelativePath: [UInt8]]
    /// Uncommitted changes under the folder (work tree or index against HEAD).
    package var uncommitted: [UncommittedChange]

    package init(files: [RelativePath: [UInt8]], uncommitted: [UncommittedChange] = []) {
        self.files = files
        self.uncommitted = uncommitted
    }
}
