import MCBasics
import MCMesh
import MCPlanning

/// A change's reason in words: the topology entry with its line, or what was removed.
package enum ReasonText {
    /// - Parameter sourcePath: the topology's path, which the entry's line refers to.
    package static func describe(_ reason: ChangeReason, sourcePath: String) -> String {
        switch reason {
        case .rendered(let origin): "\(describe(origin.entry)) (\(VisibleText.escaping(sourcePath)):\(origin.range.start.line))"
        case .removed(let removal): describe(removal)
        }
    }

    /// "link west → east", "split of 'podinfo' in west/test", "trust anchors of 'east' (root)".
    package static func describe(_ entry: Origin.Entry) -> String {
        switch entry {
        case .trustAnchors(let cluster, let anchors): "trust anchors of '\(cluster)' (\(anchors.joined(separator: ", ")))"
        case .link(let source, let target): "link \(source) → \(target)"
        case .split(let service, let cluster, let namespace): "split of '\(service)' in \(cluster)/\(namespace)"
        }
    }

    static func describe(_ removal: ChangeReason.Removal) -> String {
        switch removal {
        case .link(let source, let target): "link \(source) → \(target) removed"
        case .credentials(let target): "credentials source of '\(target)' removed"
        case .cluster(let cluster): "cluster '\(cluster)' removed"
        case .split(let name, let cluster, let namespace, renderedAnew: true): "split '\(name)' in \(cluster)/\(namespace) now renders as another kind or version"
        case .split(let name, let cluster, let namespace, renderedAnew: false): "split '\(name)' in \(cluster)/\(namespace) removed"
        case .unknown: "no longer rendered from the topology"
        }
    }
}
