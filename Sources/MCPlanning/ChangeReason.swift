import MCMesh

/// Why an object changes, as data (MCViews words it): the topology entry that renders it, or
/// what disappeared from the topology for an object no longer rendered.
package enum ChangeReason: Sendable, Hashable {
    /// What disappeared.
    package enum Removal: Sendable, Hashable {
        /// The link `source` → `target`.
        case link(source: String, target: String)
        /// The credentials source of `target` (its link stays).
        case credentials(target: String)
        /// The cluster itself.
        case cluster(String)
        /// A split in `cluster`/`namespace`; `renderedAnew`: it now renders as another kind or version.
        case split(name: String, cluster: String, namespace: String, renderedAnew: Bool)
        /// Nothing the tool can name.
        case unknown
    }

    case rendered(Origin)
    case removed(Removal)
}
