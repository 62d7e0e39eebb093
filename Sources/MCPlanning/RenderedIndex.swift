import MCBasics
import MCMesh
import MCRendering

/// Hash lookups into a render, built once for a plan with changes: such a plan asks about every
/// committed file, and a large mesh has tens of thousands. What only destroyed objects ask about
/// is indexed on the first question.
final class RenderedIndex {
    let files: [RelativePath: RenderedTree.File]
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
        var files: [RelativePath: RenderedTree.File] = [:]
        files.reserveCapacity(tree.files.count)
        for file in tree.files where files[file.path] == nil { files[file.path] = file }
        self.files = files
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
