import MCDiagnostics

/// The topology entry that makes an object exist, as data: views word it (a plan's reason).
/// Held in a shared box: the several objects of one entry (a link's seven), and the plan's changes
/// of them, each hold one reference instead of 88 bytes.
package struct Origin: Sendable, Hashable {
    /// What kind of entry it is.
    package enum Entry: Sendable, Hashable {
        /// A cluster's `trustAnchors` (the anchors in declared order).
        case trustAnchors(cluster: String, anchors: [String])
        /// A link, after expansion.
        case link(source: String, target: String)
        /// A split of an apex service.
        case split(service: String, cluster: String, namespace: String)
    }

    private final class Storage: Sendable {
        let entry: Entry
        let range: SourceRange

        init(entry: Entry, range: SourceRange) {
            (self.entry, self.range) = (entry, range)
        }
    }

    private let storage: Storage

    package var entry: Entry { storage.entry }
    /// Where the entry is written in the topology.
    package var range: SourceRange { storage.range }

    package init(_ entry: Entry, at range: SourceRange) {
        storage = Storage(entry: entry, range: range)
    }

    package static func == (a: Origin, b: Origin) -> Bool {
        a.storage === b.storage || (a.entry == b.entry && a.range == b.range)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(entry)
        hasher.combine(range)
    }
}
