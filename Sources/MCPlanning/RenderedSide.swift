import MCBasics
import MCMesh
import MCRendering

/// One side of a plan's comparison (the folder at the base, or the new render): its files by
/// path, indexed by what they are from their paths alone, and read into mesh facts only when the
/// mesh diff asks, once each. A plan with one link changed reads the files around that link, not
/// the whole folder; the render's files come with their facts kept, and are not parsed again.
final class RenderedSide {
    private let bytes: @Sendable (RelativePath) -> [UInt8]?
    private let facts: @Sendable (RelativePath, RenderedFacts.Kind) -> RenderedFacts?
    let clusters: Set<String>
    /// Link files by source, then target.
    private(set) var linkPaths: [String: [String: RelativePath]] = [:]
    /// Sources linking to each target.
    private(set) var sources: [String: Set<String>] = [:]
    /// Exports Components of each cluster.
    private var exportPaths: [String: [(namespace: String, path: RelativePath)]] = [:]
    /// Clusters with a values file.
    let valuesFiles: Set<String>

    private var links: [RelativePath: MeshChanges.LinkState?] = [:]
    private var exported: [String: [MeshFacts.Exported]] = [:]

    /// - Parameter kept: the facts kept for a path, where there are any; the others are read from
    ///   the file's bytes.
    init(paths: some Sequence<RelativePath>, bytes: @escaping @Sendable (RelativePath) -> [UInt8]?,
         kept: @escaping @Sendable (RelativePath) -> RenderedFacts? = { _ in nil }) {
        self.bytes = bytes
        facts = { path, kind in
            if let known = kept(path), known.are(kind) { return known }
            return bytes(path).flatMap { MeshFacts.read($0, as: kind) }
        }
        var clusters = Set<String>()
        var values = Set<String>()
        for path in paths {
            guard let cluster = MeshLayout.cluster(of: path) else { continue }
            clusters.insert(cluster)
            if let (source, target) = MeshLayout.linkEnds(at: path) {
                linkPaths[source, default: [:]][target] = path
                sources[target, default: []].insert(source)
            } else if let (cluster, namespace) = MeshLayout.exportsNamespace(at: path) {
                exportPaths[cluster, default: []].append((namespace, path))
            } else if MeshLayout.isValuesFile(path) {
                values.insert(cluster)
            }
        }
        self.clusters = clusters
        valuesFiles = values
    }

    func file(_ path: RelativePath) -> [UInt8]? { bytes(path) }

    /// The split at `path`; nil when there is none.
    func split(at path: RelativePath) -> MeshFacts.SplitState? { MeshFacts.split(facts(path, .split)) }

    /// Reads the Links between `pairs` and the exports of `clusters` on all cores, ahead of the
    /// questions the diff asks one at a time (a first plan asks about every file).
    func prefetch(links pairs: [(source: String, target: String)], exportsOf clusters: [String]) {
        let linkFiles = Array(Set(pairs.compactMap { linkPaths[$0.source]?[$0.target] }).filter { links[$0] == nil })
        let facts = self.facts
        let states = Parallel.map(linkFiles.count) { MeshFacts.link(facts(linkFiles[$0], .link)) }
        for (path, state) in zip(linkFiles, states) { links[path] = state }
        let wanted = Array(Set(clusters).filter { exported[$0] == nil })
        let places = wanted.map { exportPaths[$0] ?? [] }
        let found = Parallel.map(wanted.count) { index in
            places[index].flatMap { place in MeshFacts.exports(facts(place.path, .exports(namespace: place.namespace))) }
        }
        for (cluster, exports) in zip(wanted, found) { exported[cluster] = exports }
    }

    /// What the ExternalSecrets at `paths` read, parsed on all cores (nil where there is none).
    func credentials(at paths: [RelativePath]) -> [MeshFacts.Credential?] {
        let facts = self.facts
        return Parallel.map(paths.count) { MeshFacts.credential(facts(paths[$0], .credential)) }
    }

    /// What the Link `source` → `target` says; nil when there is none.
    func link(_ source: String, _ target: String) -> MeshChanges.LinkState? {
        guard let path = linkPaths[source]?[target] else { return nil }
        if let known = links[path] { return known }
        let state = MeshFacts.link(facts(path, .link))
        links[path] = state
        return state
    }

    /// Every Service `cluster` exports, with its mode.
    func exports(of cluster: String) -> [MeshFacts.Exported] {
        if let known = exported[cluster] { return known }
        let found = (exportPaths[cluster] ?? []).flatMap { place in MeshFacts.exports(facts(place.path, .exports(namespace: place.namespace))) }
        exported[cluster] = found
        return found
    }

    /// The mirror Services `source` gets from `target` through their link (`namespace`, name):
    /// `<svc>-<target>` for each export the link's mode mirrors.
    func mirrors(_ source: String, from target: String) -> Set<MirrorKey> {
        guard let link = link(source, target) else { return [] }
        let mirrored = link.mode == "gateway" ? "gateway" : "remote-discovery"
        return Set(exports(of: target).filter { $0.mode == mirrored }.map {
            MirrorKey(namespace: $0.namespace, service: MeshNames.mirror(service: $0.service, cluster: target))
        })
    }

    /// The federated Services of `source`: `<svc>-federated` for each Service exported as
    /// federated by a cluster it links to in remote-discovery mode, with those clusters.
    func federated(_ source: String) -> [MirrorKey: Set<String>] {
        var found: [MirrorKey: Set<String>] = [:]
        for target in (linkPaths[source] ?? [:]).keys where link(source, target)?.mode == "remote-discovery" {
            for export in exports(of: target) where export.mode == "federated" {
                found[MirrorKey(namespace: export.namespace, service: MeshNames.federated(service: export.service)), default: []].insert(target)
            }
        }
        return found
    }

    /// The clusters `cluster` links to and the clusters that link to it.
    func peers(of cluster: String) -> (targets: Set<String>, sources: Set<String>) {
        (Set((linkPaths[cluster] ?? [:]).keys), sources[cluster] ?? [])
    }

    struct MirrorKey: Hashable, Comparable {
        var namespace: String
        var service: String

        static func < (a: MirrorKey, b: MirrorKey) -> Bool { (a.namespace, a.service) < (b.namespace, b.service) }
    }
}
