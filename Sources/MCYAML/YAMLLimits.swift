/// The limits of docs/diagnostics.md beyond which input is refused with MC103.
package struct YAMLLimits: Sendable {
    package var maxBytes = 16 * 1024 * 1024
    package var maxDepth = 64
    package var maxAliasedNodes = 10_000

    package init() {}

    package static let standard = YAMLLimits()
}
