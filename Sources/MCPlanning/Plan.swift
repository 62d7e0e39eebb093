import MCDiagnostics
import MCBasics
import MCMesh
import MCRendering

/// What applying the render would change in the rendered folder, and what changed behind the
/// tool's back.
package struct Plan: Sendable {
    package enum Action: String, Sendable, Codable, Comparable {
        case add, change, destroy

        package static func < (a: Action, b: Action) -> Bool { a.order < b.order }
        private var order: Int {
            switch self {
            case .add: 0
            case .change: 1
            case .destroy: 2
            }
        }
    }

    /// One Kubernetes object added, changed or destroyed.
    package struct ObjectChange: Sendable {
        package var cluster: String
        package var action: Action
        package var id: ResourceID
        /// The file's path inside the rendered folder.
        package var path: RelativePath
        /// The topology entry that causes it, or what disappeared.
        package var reason: ChangeReason
    }

    /// One file of any kind whose bytes change.
    package struct FileChange: Sendable {
        package var path: RelativePath
        package var action: Action
        /// A unified diff against the base (lines holding secret material redacted), written
        /// each time it is asked for; empty when the plan was made without details.
        package var diff: String { sides?.unified ?? "" }
        var sides: FileDiff?
    }

    /// A change made outside mcapply.
    package struct Drift: Sendable {
        package enum Kind: String, Sendable, Codable {
            /// Committed content differs from what `.mcapply.json` recorded.
            case edited
            /// A committed file `.mcapply.json` does not list.
            case unowned
            /// A file `.mcapply.json` lists is gone from the commit.
            case deleted
            /// The work tree differs from HEAD.
            case uncommitted
        }

        package var path: RelativePath
        package var kind: Kind
        package var detail: String
    }

    /// A link between two clusters, for the graph of the mesh.
    package struct LinkEdge: Sendable, Hashable {
        package enum Status: String, Sendable { case added, removed, changed, unchanged }

        package var source: String
        package var target: String
        package var status: Status
    }

    /// The topology's path relative to the repository root, which origins' lines refer to.
    package var sourcePath: String
    package var changes: [ObjectChange]
    package var files: [FileChange]
    package var drift: [Drift]
    /// Every cluster before or after, sorted.
    package var clusters: [String]
    /// Every link before or after, sorted.
    package var links: [LinkEdge]
    /// What the mesh gains and loses.
    package var mesh = MeshChanges()

    package var add: Int { count(.add) }
    package var change: Int { count(.change) }
    package var destroy: Int { count(.destroy) }

    /// Reads each change's action in place (a first apply counts tens of thousands, three times).
    private func count(_ action: Action) -> Int {
        changes.withUnsafeBufferPointer { changes in
            var count = 0
            for index in changes.indices where changes[index].action == action { count += 1 }
            return count
        }
    }
    /// Clusters with at least one changed file, sorted.
    package var changedClusters: [String] {
        Array(Set(files.compactMap { MeshLayout.cluster(of: $0.path) })).sorted()
    }
    package var hasChanges: Bool { !files.isEmpty }
}
