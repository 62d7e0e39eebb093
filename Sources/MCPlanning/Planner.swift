import MCBasics
import MCDiagnostics
import MCMesh
import MCRendering
import MCYAML

/// (files at base, RenderedTree) → Plan.
package enum Planner {
    /// - Parameters:
    ///   - folder: the rendered folder's path relative to the repository root, for diff headers.
    ///   - sourcePath: the topology's path relative to the repository root, which reasons' lines refer to.
    ///   - details: the diffs and the drift, which only plans show (mcapply's commit message needs neither).
    package static func plan(previous base: PlanBase, rendered tree: RenderedTree, folder: String, sourcePath: String, details: Bool = true) -> Plan {
        // The common case, checked with one comparison per file: the folder at base is exactly the render.
        if base.files.count == tree.files.count, tree.files.allSatisfy({ base.files.id(at: $0.path) == $0.id }) {
            return unchanged(tree, uncommitted: base.uncommitted, sourcePath: sourcePath)
        }
        // One lookup per rendered file: what the base holds at its path when that differs.
        var differing: [(index: Int, previous: [UInt8]?)] = []
        var inBase = [Bool](repeating: false, count: tree.files.count)
        for (index, file) in tree.files.enumerated() {
            let previous = base.files.id(at: file.path)
            inBase[index] = previous != nil
            if previous != file.id { differing.append((index, previous == nil ? nil : base.files[file.path])) }
        }
        // Only files that differ can hold changes: a file committed exactly as rendered holds the
        // same object, so both sides leave it out and the rest are matched by identity. Objects
        // and files are both in path order, so the differing objects are found by walking both.
        var differingObjects: [RenderedObject] = []
        var next = differing.startIndex
        for object in tree.objects {
            while next < differing.endIndex, tree.files[differing[next].index].path < object.path { next += 1 }
            if next < differing.endIndex, tree.files[differing[next].index].path == object.path { differingObjects.append(object) }
        }
        // Rendered paths are unique: when each base file was found at one, none is gone.
        let gone = inBase.count(where: { $0 }) == base.files.count ? []
            : tree.unrendered(base.files.paths) { inBase[$0] }.map { (path: $0, bytes: base.files[$0]!) }
        // The files that differ, in path order: the mesh diff reads them (and those around them)
        // while the changes, the file diffs and the drift are made beside it.
        var changedPaths = differing.map { tree.files[$0.index].path }
        if !gone.isEmpty {
            changedPaths += gone.map(\.path)
            changedPaths.sort()
        }
        let ((mesh, clustersWithFiles), (changes, files, drift, links)) = Parallel.both({ [changedPaths] in
            // A file committed as rendered says what the render's says: its facts are the render's.
            let baseSide = RenderedSide(paths: base.files.paths, bytes: { base.files[$0] },
                                        kept: { base.files.isRendered($0) ? tree.facts(at: $0) : nil })
            let newSide = RenderedSide(paths: tree.files.lazy.map(\.path), bytes: { tree.file($0) }, kept: { tree.facts(at: $0) })
            return (MeshDiff.changes(base: baseSide, new: newSide, changed: changedPaths), baseSide.clusters.union(newSide.clusters))
        }, { [differing, differingObjects] in
            changesAndFiles(base: base, tree: tree, differing: differing, differingObjects: differingObjects, gone: gone, folder: folder, details: details)
        })
        var plan = Plan(sourcePath: sourcePath, changes: changes, files: files, drift: drift, clusters: clusterNames(clustersWithFiles, links), links: links)
        plan.mesh = mesh
        return plan
    }

    /// The changes, files, drift and links of a plan whose render differs from its base.
    private static func changesAndFiles(
        base: PlanBase, tree: RenderedTree, differing: [(index: Int, previous: [UInt8]?)], differingObjects: [RenderedObject],
        gone: [(path: RelativePath, bytes: [UInt8])], folder: String, details: Bool
    ) -> (changes: [Plan.ObjectChange], files: [Plan.FileChange], drift: [Plan.Drift], links: [Plan.LinkEdge]) {
        var changes: [Plan.ObjectChange] = []
        var files: [Plan.FileChange] = []
        let rendered = RenderedIndex(tree)
        // The base's objects in files that differ from the render or are gone, by identity.
        var baseByKey: [ObjectKey: (path: RelativePath, cluster: String)] = [:]
        let differingBase = differing.compactMap { entry in entry.previous.map { (path: tree.files[entry.index].path, bytes: $0) } }
        for (path, bytes) in differingBase + gone where MeshLayout.isObjectFile(path) {
            let cluster = String(path.first ?? "")
            baseByKey[ObjectKey(cluster: cluster, id: identity(of: bytes, at: path))] = (path, cluster)
        }

        for object in differingObjects {
            let reason = ChangeReason.rendered(object.origin)
            guard let previous = baseByKey[ObjectKey(cluster: object.cluster, id: object.id)] else {
                changes.append(.init(cluster: object.cluster, action: .add, id: object.id, path: object.path, reason: reason))
                continue
            }
            if base.files.id(at: previous.path) != object.blobID || previous.path != object.path {
                changes.append(.init(cluster: object.cluster, action: .change, id: object.id, path: object.path, reason: reason))
            }
        }
        // Destroyed: the base's objects the render no longer has (none to look for from an empty base).
        if !baseByKey.isEmpty {
            let renderedKeys = Set(differingObjects.map { ObjectKey(cluster: $0.cluster, id: $0.id) })
            for (key, previous) in baseByKey where !renderedKeys.contains(key) {
                changes.append(.init(cluster: key.cluster, action: .destroy, id: key.id, path: previous.path,
                                     reason: .removed(DestroyReason.describe(key.id, cluster: key.cluster, in: rendered))))
            }
        }
        // By cluster, action and identity, compared in place (a tuple of them copies each field).
        changes.sort { a, b in
            if a.cluster != b.cluster { return a.cluster < b.cluster }
            if a.action != b.action { return a.action < b.action }
            return a.id < b.id
        }

        for (index, previous) in differing {
            let file = tree.files[index]
            files.append(.init(path: file.path, action: base.files.id(at: file.path) == nil ? .add : .change,
                               sides: details ? FileDiff(old: previous, new: file.bytes, path: file.path, folder: folder) : nil))
        }
        // The differing files come in the render's path order; the gone ones join them in it.
        if !gone.isEmpty {
            for (path, bytes) in gone {
                files.append(.init(path: path, action: .destroy, sides: details ? FileDiff(old: bytes, new: nil, path: path, folder: folder) : nil))
            }
            files.sort { $0.path < $1.path }
        }
        let drift = details ? DriftFinder.drift(base, rendered: tree, touched: Set(
            differing.map { Manifest.Listing.key(of: tree.files[$0.index].path) } + gone.map { Manifest.Listing.key(of: $0.path) })) : []
        return (changes, files, drift, linkEdges(tree: tree, changes: changes))
    }

    /// The plan when the folder at the base holds exactly the render (a caller may know it from the
    /// blob ids, reading nothing): no changes. Its manifest is then the render's too, so only
    /// uncommitted changes can be drift.
    package static func unchanged(_ tree: RenderedTree, uncommitted: [UncommittedChange], sourcePath: String) -> Plan {
        let links = linkEdges(tree: tree, changes: [])
        return Plan(sourcePath: sourcePath, changes: [], files: [], drift: DriftFinder.uncommitted(uncommitted),
                    clusters: clusterNames(Set(tree.files.compactMap { MeshLayout.cluster(of: $0.path) }), links), links: links)
    }

    /// Every cluster before or after (those with files on either side, and every link's ends), sorted.
    private static func clusterNames(_ withFiles: Set<String>, _ links: [Plan.LinkEdge]) -> [String] {
        withFiles.union(links.flatMap { [$0.source, $0.target] }).sorted()
    }

    /// Links are Link objects: a source cluster's Link to its target.
    private static func linkEdges(tree: RenderedTree, changes: [Plan.ObjectChange]) -> [Plan.LinkEdge] {
        // Read in place: a first plan has tens of thousands of changes, few of them Links.
        var changed: [String: Plan.Action] = [:]
        for index in changes.indices where changes[index].id.kind == .link {
            let key = "\(changes[index].cluster)>\(changes[index].id.name)"
            if changed[key] == nil { changed[key] = changes[index].action }
        }
        var edges = tree.objects.compactMap { object -> Plan.LinkEdge? in
            guard case .link(let target) = object.role else { return nil }
            let status: Plan.LinkEdge.Status = switch changed["\(object.cluster)>\(target)"] {
            case .add?: .added
            case .change?: .changed
            default: .unchanged
            }
            return Plan.LinkEdge(source: object.cluster, target: target, status: status)
        }
        edges += changes.compactMap { change in
            guard change.action == .destroy, case .link(let target)? = ObjectRole(kind: change.id.kind, name: change.id.name) else { return nil }
            return Plan.LinkEdge(source: change.cluster, target: target, status: .removed)
        }
        return ordered(edges)
    }

    /// By source, then target, as String's `<` orders them. Names in ASCII (rendered ones are DNS
    /// labels) are compared by their bytes, which order them the same without the Unicode
    /// comparison: a first plan sorts thousands of links.
    static func ordered(_ edges: [Plan.LinkEdge]) -> [Plan.LinkEdge] {
        let ascii = edges.allSatisfy { $0.source.utf8.allSatisfy { $0 < 0x80 } && $0.target.utf8.allSatisfy { $0 < 0x80 } }
        guard ascii else { return edges.sorted { ($0.source, $0.target) < ($1.source, $1.target) } }
        return edges.sorted { $0.source != $1.source ? $0.source.utf8Precedes($1.source) : $0.target.utf8Precedes($1.target) }
    }

    /// An object's identity within the mesh: its cluster and its Kubernetes identity.
    private struct ObjectKey: Hashable {
        var cluster: String
        var id: ResourceID
    }

    /// An object file's identity from its content, or from its path when it no longer parses.
    static func identity(of bytes: [UInt8], at path: RelativePath) -> ResourceID {
        let parsed = YAMLParser.parse(bytes, path: path.string)
        if case .mapping(let fields)? = parsed.root?.value,
           case .string(let apiVersion)? = fields.first(where: { $0.0 == "apiVersion" })?.1,
           case .string(let kind)? = fields.first(where: { $0.0 == "kind" })?.1,
           case .mapping(let metadata)? = fields.first(where: { $0.0 == "metadata" })?.1,
           case .string(let name)? = metadata.first(where: { $0.0 == "name" })?.1 {
            var namespace: String?
            if case .string(let value)? = metadata.first(where: { $0.0 == "namespace" })?.1 { namespace = value }
            return ResourceID(apiVersion: apiVersion, kind: ResourceKind(kind), namespace: namespace, name: name)
        }
        let file = path.components[2].dropLast(".yaml".count)
        let kind = file.prefix { $0 != "-" }
        return ResourceID(apiVersion: "?", kind: ResourceKind(String(kind)),
                          namespace: path.components[1] == MeshLayout.clusterScopedFolder ? nil : path.components[1],
                          name: String(file.dropFirst(kind.count + 1)))
    }
}
