import MCBasics
import MCRendering

/// Changes made behind mcapply's back: committed files that differ from what `.mcapply.json`
/// recorded, committed files it does not list (or listed files gone), and uncommitted changes.
enum DriftFinder {
    /// `touched`: the top-level names (`Manifest.Listing.key`) of the files that differ from the
    /// render or are gone. Under any other name the committed files are exactly the rendered
    /// ones, so when both manifests record the same bytes there, nothing under it drifted: only
    /// the rest is looked at (a plan of one link reads two clusters' entries, not every file's).
    /// A manifest not in mcapply's own form is read whole, and every committed file checked.
    static func drift(_ base: PlanBase, rendered tree: RenderedTree, touched: Set<String>) -> [Plan.Drift] {
        let manifestPath = RelativePath(components: [Manifest.fileName])
        let committedManifest = base.files[manifestPath]
        var drift: [Plan.Drift]
        if let theirs = committedManifest.flatMap(Manifest.Listing.init), let ours = tree.file(manifestPath).flatMap(Manifest.Listing.init),
           let found = changed(base, theirs: theirs, ours: ours, touched: touched, rendered: tree) {
            drift = found
        } else {
            let recorded = committedManifest.flatMap(Manifest.recordedFiles) ?? [:]
            drift = check(base.files.paths.lazy.filter { $0 != manifestPath }, recorded: recorded, base: base, rendered: tree)
        }
        drift += uncommitted(base.uncommitted)
        return drift.sorted { ($0.path, $0.kind.rawValue) < ($1.path, $1.kind.rawValue) }
    }

    /// The drift under the names touched or recorded differently; nil when a recorded entry
    /// there is not UTF-8 (then no JSON reader would read the manifest either).
    private static func changed(_ base: PlanBase, theirs: Manifest.Listing, ours: Manifest.Listing, touched: Set<String>,
                                rendered tree: RenderedTree) -> [Plan.Drift]? {
        let keys = touched.union(Set(theirs.keys).union(ours.keys).filter { !theirs.sameEntries(under: $0, as: ours) })
            .subtracting([Manifest.fileName])
        guard !keys.isEmpty else { return [] }
        var recorded: [String: String] = [:]
        for key in keys {
            guard let entries = theirs.recorded(under: key) else { return nil }
            recorded.merge(entries) { first, _ in first }
        }
        return check(base.files.paths.lazy.filter { keys.contains(Manifest.Listing.key(of: $0)) }, recorded: recorded, base: base, rendered: tree)
    }

    /// The drift among `files` (committed, the manifest aside) against what `recorded` says of
    /// them, and the recorded files no longer committed.
    private static func check(_ files: some Sequence<RelativePath>, recorded: [String: String],
                              base: PlanBase, rendered tree: RenderedTree) -> [Plan.Drift] {
        var drift: [Plan.Drift] = []
        for path in files {
            guard let digest = recorded[path.string] else {
                drift.append(.init(path: path, kind: .unowned, detail: "committed, but not written by mcapply (not in \(Manifest.fileName))"))
                continue
            }
            // A file committed as rendered has the digest the renderer computed (and its bytes
            // need not be read).
            let known = tree.rendered(path).flatMap { $0.id == base.files.id(at: path) ? $0.digest : nil }
            if digest != (known ?? SHA256Digest(of: base.files[path]!)).text {
                drift.append(.init(path: path, kind: .edited, detail: "edited in git since mcapply wrote it"))
            }
        }
        for path in recorded.keys.compactMap(RelativePath.init) where base.files[path] == nil {
            drift.append(.init(path: path, kind: .deleted, detail: "deleted in git, though \(Manifest.fileName) lists it"))
        }
        return drift
    }

    /// Uncommitted changes under the folder, in path order.
    static func uncommitted(_ changes: [UncommittedChange]) -> [Plan.Drift] {
        changes.map { .init(path: $0.path, kind: .uncommitted, detail: "\($0.kind.rawValue) in the work tree, not committed") }
            .sorted { $0.path < $1.path }
    }
}
