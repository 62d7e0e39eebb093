import MCBasics
import MCMesh

/// (base side, new side, the files that differ) → MeshChanges. Every entry comes from a file that
/// differs, or from the files around one (the links into a cluster whose exports changed, the
/// exports of a cluster whose link changed), so the cost follows the change, not the mesh.
enum MeshDiff {
    static func changes(base: RenderedSide, new: RenderedSide, changed paths: [RelativePath]) -> MeshChanges {
        var mesh = MeshChanges()
        let added = new.clusters.subtracting(base.clusters)
        let removed = base.clusters.subtracting(new.clusters)
        mesh.clusters = (added.map { MeshChanges.ClusterChange(name: $0, action: .add) } + removed.map { .init(name: $0, action: .remove) })
            .sorted { ($0.name, $0.action) < ($1.name, $1.action) }

        var changedLinks = Set<Pair>()
        var exportClusters = Set<String>()
        var valuesRemoved: [String] = []
        // Most clusters trust the same bundle: each distinct one is parsed once.
        var anchors = AnchorCache()
        let located = Parallel.map(paths.count) { (path: paths[$0], object: MeshLayout.object(at: paths[$0])) }
        // The ExternalSecrets are parsed on all cores first: a first plan has one per link.
        let credentialPaths = located.compactMap { entry -> RelativePath? in
            if case .linkCredentials? = entry.object?.role { entry.path } else { nil }
        }
        var credentials = zip(base.credentials(at: credentialPaths), new.credentials(at: credentialPaths)).makeIterator()
        for (path, object) in located {
            if let (cluster, role, namespace) = object {
                switch role {
                case .link(let target): changedLinks.insert(Pair(source: cluster, target: target))
                case .split(let name): split(cluster, namespace ?? "", name, path, base, new, into: &mesh)
                // A cluster that goes takes its bundle with it: only the clusters that stay or join count.
                case .trustRoots where new.clusters.contains(cluster): trust(cluster, path, base, new, &anchors, into: &mesh)
                case .trustRoots: break
                case .linkCredentials: credential(cluster, credentials.next()!, into: &mesh)
                case .remoteAccess: break
                }
            } else if let (kind, name) = MeshLayout.wiringObject(at: path) {
                let action: MeshChanges.Action = base.file(path) == nil ? .add : new.file(path) == nil ? .remove : .change
                mesh.wiring.append(.init(kind: kind, name: name, action: action))
            } else if let (cluster, _) = MeshLayout.exportsNamespace(at: path) {
                exportClusters.insert(cluster)
            } else if MeshLayout.isValuesFile(path), let cluster = MeshLayout.cluster(of: path), new.clusters.contains(cluster),
                      !new.valuesFiles.contains(cluster) {
                valuesRemoved.append(cluster)
            }
        }

        // The pairs whose mirrors may change: every link that changed, and every link into a
        // cluster whose exports changed.
        var pairs = changedLinks
        for cluster in exportClusters {
            for source in base.peers(of: cluster).sources.union(new.peers(of: cluster).sources) { pairs.insert(Pair(source: source, target: cluster)) }
        }
        // Every Link and exports Component the diff will read (the federated Services of each
        // source ask about all its links), parsed on all cores first.
        var wantedLinks = pairs
        var wantedExports = exportClusters.union(changedLinks.map(\.target))
        for source in Set(pairs.map(\.source)) {
            wantedExports.formUnion(base.peers(of: source).targets)
            wantedExports.formUnion(new.peers(of: source).targets)
            for target in base.peers(of: source).targets.union(new.peers(of: source).targets) { wantedLinks.insert(Pair(source: source, target: target)) }
        }
        for side in [base, new] {
            side.prefetch(links: wantedLinks.map { ($0.source, $0.target) }, exportsOf: Array(wantedExports))
        }

        for pair in changedLinks.sorted() {
            let before = base.link(pair.source, pair.target)
            let after = new.link(pair.source, pair.target)
            guard before != after else { continue }
            let action: MeshChanges.Action = before == nil ? .add : after == nil ? .remove : .change
            mesh.links.append(.init(source: pair.source, target: pair.target, action: action, before: before, after: after))
        }
        for cluster in exportClusters.sorted() { exports(of: cluster, base, new, into: &mesh) }

        var linkRemovedMirrors: [Pair: [String]] = [:]
        for pair in pairs.sorted() {
            let before = base.mirrors(pair.source, from: pair.target)
            let after = new.mirrors(pair.source, from: pair.target)
            for key in after.subtracting(before).sorted() {
                mesh.mirrors.append(.init(cluster: pair.source, namespace: key.namespace, service: key.service, from: [pair.target], action: .add))
            }
            for key in before.subtracting(after).sorted() {
                mesh.mirrors.append(.init(cluster: pair.source, namespace: key.namespace, service: key.service, from: [pair.target], action: .remove))
                if new.link(pair.source, pair.target) == nil { linkRemovedMirrors[pair, default: []].append("\(key.namespace)/\(key.service)") }
            }
        }
        for source in Set(pairs.map(\.source)).sorted() {
            let before = base.federated(source)
            let after = new.federated(source)
            for key in Set(before.keys).union(after.keys).sorted() {
                switch (before[key], after[key]) {
                case (nil, let members?):
                    mesh.mirrors.append(.init(cluster: source, namespace: key.namespace, service: key.service, from: members.sorted(), action: .add))
                case (let members?, nil):
                    mesh.mirrors.append(.init(cluster: source, namespace: key.namespace, service: key.service, from: members.sorted(), action: .remove))
                case (let old?, let now?) where old != now:
                    mesh.mirrors.append(.init(cluster: source, namespace: key.namespace, service: key.service, from: now.sorted(), action: .change))
                default: break
                }
            }
        }

        // A removed cluster whose rendered wiring goes is orphaned, not pruned: that wiring's risk says so.
        let wired = { (cluster: String) in
            mesh.wiring.first { $0.action == .remove && ($0.kind == "Application" || $0.kind == "Kustomization") && $0.name == "mesh-" + cluster }
        }
        for cluster in removed.sorted() {
            if let wiring = wired(cluster) {
                mesh.risks.append(.wiringRemoved(kind: wiring.kind, name: wiring.name, cluster: cluster))
            } else {
                mesh.risks.append(.clusterRemoved(cluster))
            }
        }
        for newName in added.sorted() {
            let now = new.peers(of: newName)
            guard !now.targets.isEmpty || !now.sources.isEmpty else { continue }
            for oldName in removed.sorted() where base.peers(of: oldName) == now {
                mesh.risks.append(.likelyRename(from: oldName, to: newName))
            }
        }
        for link in mesh.links where link.action == .remove {
            mesh.risks.append(.linkRemoved(source: link.source, target: link.target,
                                           mirrorsLeft: linkRemovedMirrors[Pair(source: link.source, target: link.target)] ?? []))
        }
        for cluster in valuesRemoved.sorted() { mesh.risks.append(.valuesRemoved(cluster)) }
        // A cluster that joins gets its first bundle before its proxies start: nothing to restart.
        for change in mesh.trust where base.clusters.contains(change.cluster) { mesh.risks.append(.trustChanged(change.cluster)) }
        mesh.credentials = Array(Set(mesh.credentials)).sorted { ($0.cluster, $0.store, $0.key) < ($1.cluster, $1.store, $1.key) }
        return mesh
    }

    private struct Pair: Hashable, Comparable {
        var source: String
        var target: String

        static func < (a: Pair, b: Pair) -> Bool { (a.source, a.target) < (b.source, b.target) }
    }

    private static func exports(of cluster: String, _ base: RenderedSide, _ new: RenderedSide, into mesh: inout MeshChanges) {
        let before = Set(base.exports(of: cluster))
        let after = Set(new.exports(of: cluster))
        // The clusters linking to `cluster` by each link mode, on each side: an export is
        // mirrored by those whose mode mirrors it.
        func sourcesByMode(on side: RenderedSide) -> [String: [String]] {
            Dictionary(grouping: side.peers(of: cluster).sources.sorted()) { side.link($0, cluster)?.mode ?? "" }
        }
        let (mirroringBefore, mirroringAfter) = (sourcesByMode(on: base), sourcesByMode(on: new))
        func mirroredBy(_ export: MeshFacts.Exported, on sources: [String: [String]]) -> [String] {
            sources[export.mode == "gateway" ? "gateway" : "remote-discovery"] ?? []
        }
        let order = { (a: MeshFacts.Exported, b: MeshFacts.Exported) in (a.namespace, a.service, a.mode) < (b.namespace, b.service, b.mode) }
        for export in after.subtracting(before).sorted(by: order) {
            mesh.exports.append(.init(cluster: cluster, namespace: export.namespace, service: export.service, mode: export.mode, action: .add,
                                      mirroredBy: mirroredBy(export, on: mirroringAfter)))
        }
        for export in before.subtracting(after).sorted(by: order) {
            mesh.exports.append(.init(cluster: cluster, namespace: export.namespace, service: export.service, mode: export.mode, action: .remove,
                                      mirroredBy: mirroredBy(export, on: mirroringBefore)))
        }
    }

    private static func split(_ cluster: String, _ namespace: String, _ name: String, _ path: RelativePath, _ base: RenderedSide,
                              _ new: RenderedSide, into mesh: inout MeshChanges) {
        let before = base.split(at: path)
        let after = new.split(at: path)
        guard before != after else { return }
        // A split rendered as another kind moves file: the side without the file reads as a removal
        // unless the other file of the same name holds it, which its own entry reports.
        let action: MeshChanges.Action = before == nil ? .add : after == nil ? .remove : .change
        if mesh.splits.contains(where: { $0.cluster == cluster && $0.namespace == namespace && $0.name == name }) { return }
        var services: [String] = []
        for service in (before?.backends ?? []).map(\.service) + (after?.backends ?? []).map(\.service) where !services.contains(service) {
            services.append(service)
        }
        let backends = services.map { service in
            MeshChanges.BackendChange(service: service, before: before?.backends.first { $0.service == service }?.weight,
                                      after: after?.backends.first { $0.service == service }?.weight)
        }
        mesh.splits.append(.init(cluster: cluster, namespace: namespace, name: name, action: action, backends: backends,
                                 primaryBefore: before?.primary, primaryAfter: after?.primary))
    }

    /// Trust bundles' anchors by the bundle file's bytes.
    private struct AnchorCache {
        private var known: [[UInt8]: [MeshChanges.Anchor]] = [:]

        mutating func anchors(_ bytes: [UInt8]) -> [MeshChanges.Anchor] {
            if let found = known[bytes] { return found }
            let found = MeshFacts.anchors(bytes)
            known[bytes] = found
            return found
        }
    }

    private static func trust(
        _ cluster: String, _ path: RelativePath, _ base: RenderedSide, _ new: RenderedSide, _ cache: inout AnchorCache,
        into mesh: inout MeshChanges
    ) {
        let before = base.file(path).map { cache.anchors($0) } ?? []
        let after = new.file(path).map { cache.anchors($0) } ?? []
        let added = after.filter { anchor in !before.contains { $0.sha256 == anchor.sha256 } }
        let removed = before.filter { anchor in !after.contains { $0.sha256 == anchor.sha256 } }
        guard !added.isEmpty || !removed.isEmpty else { return }
        mesh.trust.append(.init(cluster: cluster, added: added, removed: removed))
    }

    /// An ExternalSecret's store and key before and after.
    private static func credential(_ cluster: String, _ sides: (MeshFacts.Credential?, MeshFacts.Credential?), into mesh: inout MeshChanges) {
        let (before, after) = sides
        guard let after else { return }
        guard before?.store != after.store || before?.key != after.key else { return }
        mesh.credentials.append(.init(cluster: cluster, store: after.store, key: after.key))
    }
}
