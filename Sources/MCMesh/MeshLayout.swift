import MCBasics
import MCTopology

/// Which objects each cluster's folder holds (docs/rendered-folder.md) and where their files go. Units of work are
/// numbered in one order, each cluster's trust roots, then each link, then each split, so that a
/// caller can build them on all cores and still get the same order.
package enum MeshLayout {
    /// `kustomization.yaml` of a cluster's folder.
    package static let kustomizationFile = "kustomization.yaml"
    /// The folder of the exports Components, below the cluster's folder.
    package static let exportsFolder = "exports"
    /// The exports Component of one namespace, below the cluster's folder.
    package static func exportsComponent(namespace: String) -> [String] {
        [exportsFolder, namespace, kustomizationFile]
    }
    /// The linkerd-multicluster Helm values of the cluster.
    package static let extensionValuesFile = "linkerd-multicluster.values.yaml"
    /// The folder of cluster-scoped objects.
    package static let clusterScopedFolder = "_cluster"
    /// The folder of the GitOps wiring at the top of the rendered folder (no cluster is called so:
    /// cluster names are DNS-1123 labels).
    package static let gitopsFolder = "_gitops"

    /// How many units `topology` has.
    package static func unitCount(_ topology: Topology) -> Int {
        topology.clusters.count + topology.links.count + topology.splits.count
    }

    /// What a numbered unit stands for.
    package enum Unit {
        case cluster(Cluster)
        case link(Link)
        case split(Split)
    }

    package static func unit(_ index: Int, of topology: Topology) -> Unit {
        if index < topology.clusters.count { return .cluster(topology.clusters[index]) }
        let link = index - topology.clusters.count
        if link < topology.links.count { return .link(topology.links[link]) }
        return .split(topology.splits[link - topology.links.count])
    }

    /// The trust-roots ConfigMap in the cluster's Linkerd namespace.
    package static func trustRoots(of cluster: Cluster) -> MeshObject {
        let name = cluster.name.value
        return MeshObject(
            cluster: name, role: .trustRoots,
            id: ResourceID(apiVersion: "v1", kind: .configMap, namespace: cluster.linkerdNamespace.value, name: MeshNames.trustRoots),
            origin: Origin(.trustAnchors(cluster: name, anchors: cluster.trustAnchors.map(\.value)), at: cluster.name.range))
    }

    /// A link's objects: in the source, its Link and (when the target names a credentials source)
    /// the ExternalSecrets, one in the multicluster namespace and one in the Linkerd namespace,
    /// or one when those are the same; in the target, the four remote-access objects.
    package static func objects(of link: Link, source: Cluster, target: Cluster) -> [MeshObject] {
        let sourceName = source.name.value
        let targetName = target.name.value
        let origin = Origin(.link(source: link.source.value, target: link.target.value), at: link.declaration)
        var objects = [MeshObject(
            cluster: sourceName, role: .link(target: targetName),
            id: ResourceID(apiVersion: "multicluster.linkerd.io/v1alpha3", kind: .link,
                           namespace: source.multiclusterNamespace.value, name: targetName),
            origin: origin)]
        let role = ObjectRole.linkCredentials(target: targetName)
        objects += credentialNamespaces(source: source, target: target).map { namespace in
            MeshObject(cluster: sourceName, role: role,
                       id: ResourceID(apiVersion: "external-secrets.io/v1", kind: .externalSecret, namespace: namespace, name: role.name),
                       origin: origin)
        }
        for part in ObjectRole.RemoteAccessPart.allCases {
            let role = ObjectRole.remoteAccess(source: sourceName, part: part)
            let namespaced = part == .serviceAccount || part == .tokenSecret
            let apiVersion = namespaced ? "v1" : "rbac.authorization.k8s.io/v1"
            objects.append(MeshObject(
                cluster: targetName, role: role,
                id: ResourceID(apiVersion: apiVersion, kind: part.kind, namespace: namespaced ? target.multiclusterNamespace.value : nil,
                               name: role.name),
                origin: origin))
        }
        return objects
    }

    /// Where a link's ExternalSecrets go in its source: none when the target names no credentials
    /// source, else the multicluster namespace and the Linkerd namespace, or one when they are one.
    private static func credentialNamespaces(source: Cluster, target: Cluster) -> [String] {
        guard target.credentials != nil else { return [] }
        let (multicluster, linkerd) = (source.multiclusterNamespace.value, source.linkerdNamespace.value)
        return multicluster == linkerd ? [linkerd] : [multicluster, linkerd]
    }

    /// How many of a link's objects `objects(of:source:target:)` puts in each end, without making them.
    package static func objectCounts(source: Cluster, target: Cluster) -> (source: Int, target: Int) {
        (1 + credentialNamespaces(source: source, target: target).count, ObjectRole.RemoteAccessPart.allCases.count)
    }

    /// A split's one object in its cluster and namespace.
    package static func object(of split: Split, settings: Settings) -> MeshObject {
        let form = SplitForm(split, settings: settings)
        return MeshObject(
            cluster: split.cluster.value, role: .split(name: split.objectName),
            id: ResourceID(apiVersion: form.api.rawValue, kind: form.kind, namespace: split.namespace.value, name: split.objectName),
            origin: Origin(.split(service: split.service.value, cluster: split.cluster.value, namespace: split.namespace.value),
                           at: split.range))
    }

    /// How many objects each declared cluster's folder holds: the same layout the renderer
    /// writes, counted. Links whose ends are not both declared clusters, and repeats of a link,
    /// count nothing (other rules report them).
    package static func objectCounts(_ topology: Topology, clusters: [String: Cluster]) -> [String: Int] {
        var counts = clusters.mapValues { _ in 1 }
        var seen = Set<String>()
        for link in topology.links where link.source.value != link.target.value {
            guard seen.insert(link.source.value + "\0" + link.target.value).inserted,
                  let source = clusters[link.source.value], let target = clusters[link.target.value] else { continue }
            let count = objectCounts(source: source, target: target)
            counts[source.name.value]! += count.source
            counts[target.name.value]! += count.target
        }
        for split in topology.splits where counts[split.cluster.value] != nil {
            counts[split.cluster.value]! += 1
        }
        return counts
    }

    /// `<namespace>/<kind>-<name>.yaml`, or `_cluster/<kind>-<name>.yaml` when cluster-scoped:
    /// it depends on nothing but the object's identity.
    package static func fileName(of id: ResourceID) -> RelativePath {
        let (folder, file) = place(of: id)
        return RelativePath(joined: folder + "/" + file)
    }

    /// The object's path in the rendered folder: its cluster's name, then `fileName(of:)`, joined
    /// in one buffer (the renderer makes one per object).
    package static func path(of id: ResourceID, in cluster: String) -> RelativePath {
        let (folder, file) = place(of: id)
        var joined = cluster
        joined.reserveCapacity(cluster.utf8.count + folder.utf8.count + file.utf8.count + 2)
        joined += "/"
        joined += folder
        joined += "/"
        joined += file
        return RelativePath(joined: joined)
    }

    /// The folder and the name of `fileName(of:)`.
    private static func place(of id: ResourceID) -> (folder: String, file: String) {
        var file = id.kind.fileStem
        file.reserveCapacity(file.utf8.count + id.name.utf8.count + 6)
        file += "-"
        file += id.name
        file += ".yaml"
        return (id.namespace ?? clusterScopedFolder, file)
    }

    /// The object a path of the rendered folder holds, read from the path alone (the inverse of
    /// `fileName(of:)` for the kinds the mesh renders): its cluster, role and namespace; nil for
    /// any other file.
    package static func object(at path: RelativePath) -> (cluster: String, role: ObjectRole, namespace: String?)? {
        guard isObjectFile(path), let cluster = path.component(0), let folder = path.component(1), let name = path.name else { return nil }
        let file = name.dropLast(".yaml".count)
        for (kind, prefix) in kindPrefixes {
            guard file.hasASCIIPrefix(prefix), let role = ObjectRole(kind: kind, name: String(file.dropFirst(prefix.count))) else { continue }
            return (String(cluster), role, folder == clusterScopedFolder ? nil : String(folder))
        }
        return nil
    }

    /// The source and target of a Link's path, read from the path alone (cheaply: a plan asks
    /// this of every file); nil for any other file.
    package static func linkEnds(at path: RelativePath) -> (source: String, target: String)? {
        guard let name = path.name, name.hasASCIIPrefix(linkFilePrefix), name.hasASCIISuffix(".yaml"), path.componentCount == 3,
              let source = path.first else { return nil }
        return (String(source), String(name.dropFirst(linkFilePrefix.count).dropLast(".yaml".count)))
    }

    private static let linkFilePrefix = ResourceKind.link.fileStem + "-"
    /// Each rendered kind and how its files' names start.
    private static let kindPrefixes = ResourceKind.order.map { ($0, $0.fileStem + "-") }

    /// The cluster and namespace of an exports Component's path; nil for any other file.
    package static func exportsNamespace(at path: RelativePath) -> (cluster: String, namespace: String)? {
        guard path.componentCount == 4, path.component(1) == Substring(exportsFolder), path.name == Substring(kustomizationFile),
              let cluster = path.first, let namespace = path.component(2) else { return nil }
        return (String(cluster), String(namespace))
    }

    /// Whether the path is a cluster's linkerd-multicluster values file.
    package static func isValuesFile(_ path: RelativePath) -> Bool {
        path.componentCount == 2 && path.name == Substring(extensionValuesFile)
    }

    /// `<cluster>/<namespace or _cluster>/<file>.yaml`: where the tool writes objects.
    package static func isObjectFile(_ path: RelativePath) -> Bool {
        path.string.hasASCIISuffix(".yaml") && path.componentCount == 3 && path.component(1) != Substring(exportsFolder) && path.first != Substring(gitopsFolder)
    }

    /// The cluster a path of the rendered folder belongs to (nil for files at its top, such as
    /// `.mcapply.json`, and for the GitOps wiring).
    package static func cluster(of path: RelativePath) -> String? {
        path.topFolder.flatMap { $0 == gitopsFolder ? nil : String($0) }
    }

    /// The kind and name of a GitOps wiring object from its path (`_gitops/argocd/application-mesh-east.yaml`,
    /// `_gitops/flux/east/helmrelease-linkerd-multicluster-east.yaml`); nil for kustomizations and other files.
    package static func wiringObject(at path: RelativePath) -> (kind: String, name: String)? {
        guard isWiring(path), let file = path.name, file != kustomizationFile, file.hasSuffix(".yaml") else { return nil }
        let stem = file.dropLast(".yaml".count)
        for kind in wiringKinds where stem.hasPrefix(kind.lowercased() + "-") {
            return (kind, String(stem.dropFirst(kind.count + 1)))
        }
        return nil
    }

    /// The kinds the GitOps wiring renders.
    package static let wiringKinds = ["Application", "Kustomization", "HelmRelease", "GitRepository", "HelmRepository"]

    /// Whether a path is part of the GitOps wiring (`_gitops/…`).
    package static func isWiring(_ path: RelativePath) -> Bool {
        path.topFolder == Substring(gitopsFolder)
    }
}
