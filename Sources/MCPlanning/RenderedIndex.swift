import MCBasics
import MCMesh
import MCRendering

/// Hash lookups into a render, each built on the first question that needs it: destroyed objects
/// ask about the splits and Links rendered where they were.
final class RenderedIndex {
    private let tree: RenderedTree
    /// The splits rendered under each cluster, namespace and name.
    private lazy var identities: [NamedPlace: [ResourceID]] = Dictionary(
        grouping: tree.objects.filter { ResourceKind.splitKinds.contains($0.id.kind) },
        by: { NamedPlace(cluster: $0.cluster, namespace: $0.id.namespace, name: $0.id.name) }
    ).mapValues { $0.map(\.id) }
    /// The Links rendered in each cluster, by target name.
    private lazy var links: Set<NamedPlace> = Set(tree.objects.compactMap { object in
        guard case .link(let target) = object.role else { return nil }
        return NamedPlace(cluster: object.cluster, namespace: nil, name: target)
    })

    /// Where an object sits, whatever its kind.
    struct NamedPlace: Hashable {
        var cluster: String
        var namespace: String?
        var name: String
    }

    init(_ tree: RenderedTree) {
        self.tree = tree
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
