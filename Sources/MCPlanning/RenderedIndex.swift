import MCBasics
import MCMesh
import MCRendering

/// Hash lookups into a render, built once for a plan with changes: such a plan asks about every
/// committed file, and a large mesh has tens of thousands.
struct RenderedIndex {
    let files: [RelativePath: RenderedTree.File]
    /// The splits rendered under each cluster, namespace and name.
    private let identities: [NamedPlace: [ResourceID]]
    /// The Links rendered in each cluster, by target name.
    private let links: Set<NamedPlace>

    /// Where an object sits, whatever its kind.
    struct NamedPlace: Hashable {
        var cluster: String
        var namespace: String?
        var name: String
    }

    init(_ tree: RenderedTree) {
        files = Dictionary(tree.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
        identities = Dictionary(grouping: tree.objects.filter { ResourceKind.splitKinds.contains($0.id.kind) },
                                by: { NamedPlace(cluster: $0.cluster, namespace: $0.id.namespace, name: $0.id.name) })
            .mapValues { $0.map(\.id) }
        links = Set(tree.objects.compactMap { object in
            guard case .link(let target) = object.role else { return nil }
            return NamedPlace(cluster: object.cluster, namespace: nil, name: target)
        })
    }

    /// Whether `cluster` renders a Link to `target`.
    func hasLink(in cluster: String, to target: String) -> Bool {
        links.contains(NamedPlace(cluster: cluster, namespace: nil, name: target))
    }

    /// The identities of the splits rendered in `cluster` under this namespace and name.
    func identities(cluster: String, namespace: String?, name: String) -> [ResourceID] {
        identities[NamedPlace(cluster: cluster, namespace: namespace, name: name)] ?? []
    }
}
