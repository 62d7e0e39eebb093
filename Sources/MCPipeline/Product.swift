/// Facts about the product itself.
package enum Product {
    package static let version = "0.1.0"
    /// What the rendered folders are for, as `--version` says it.
    package static let targets = "renders for Linkerd 2.18–2.20 (Link v1alpha3, linkerd-multicluster chart values) "
        + "and External Secrets 0.16 or later (external-secrets.io/v1)"
    /// `--version`: the version and what the output targets.
    package static let versionLine = "\(version); \(targets)"
}
