import MCBasics
import MCRendering

/// Changes made behind mcapply's back: committed files that differ from what `.mcapply.json`
/// recorded, committed files it does not list (or listed files gone), and uncommitted changes.
enum DriftFinder {
    /// `rendered` spares hashing: a committed file equal to what is rendered now has the digest
    /// the renderer already computed.
    static func drift(_ base: PlanBase, rendered: RenderedIndex) -> [Plan.Drift] {
        var drift: [Plan.Drift] = []
        let manifestPath = RelativePath(components: [Manifest.fileName])
        let recorded = base.files[manifestPath].flatMap(Manifest.recordedFiles) ?? [:]
        for (path, bytes) in base.files where path != manifestPath {
            guard let digest = recorded[path.string] else {
                drift.append(.init(path: path, kind: .unowned, detail: "committed, but not written by mcapply (not in \(Manifest.fileName))"))
                continue
            }
            let known = rendered.files[path].flatMap { $0.bytes == bytes ? $0.digest : nil }
            if digest != (known ?? Digest.sha256(bytes)) {
                drift.append(.init(path: path, kind: .edited, detail: "edited in git since mcapply wrote it"))
            }
        }
        let committed = Set(base.files.keys.map(\.string))
        for path in recorded.keys.filter({ !committed.contains($0) }).compactMap(RelativePath.init) where base.files[path] == nil {
            drift.append(.init(path: path, kind: .deleted, detail: "deleted in git, though \(Manifest.fileName) lists it"))
        }
        drift += uncommitted(base.uncommitted)
        return drift.sorted { ($0.path, $0.kind.rawValue) < ($1.path, $1.kind.rawValue) }
    }

    /// Uncommitted changes under the folder, in path order.
    static func uncommitted(_ changes: [UncommittedChange]) -> [Plan.Drift] {
        changes.map { .init(path: $0.path, kind: .uncommitted, detail: "\($0.kind.rawValue) in the work tree, not committed") }
            .sorted { $0.path < $1.path }
    }
}
