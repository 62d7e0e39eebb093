import MCDiagnostics

/// A parsed YAML node with the source range it came from.
package struct YAMLNode: Sendable {
    /// How a scalar was written; only plain scalars can be anything but strings.
    package enum ScalarStyle: Sendable, Hashable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// A scalar's text and style.
    package struct Scalar: Sendable, Hashable {
        package var text: String
        package var style: ScalarStyle

        package init(_ text: String, style: ScalarStyle = .plain) {
            self.text = text
            self.style = style
        }
    }

    /// One key and its value in a mapping, in source order.
    package struct Pair: Sendable {
        package var key: YAMLNode
        package var value: YAMLNode
    }

    package enum Content: Sendable {
        case scalar(Scalar)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    package var content: Content
    package var range: SourceRange

    package init(_ content: Content, range: SourceRange) {
        self.content = content
        self.range = range
    }

    package var scalar: Scalar? {
        if case .scalar(let s) = content { return s }
        return nil
    }

    package var sequence: [YAMLNode]? {
        if case .sequence(let items) = content { return items }
        return nil
    }

    package var mapping: [Pair]? {
        if case .mapping(let pairs) = content { return pairs }
        return nil
    }

    /// What YAML 1.2 makes of this node, for type errors: "a mapping", "an integer", …
    package var typeDescription: String {
        switch content {
        case .mapping: "a mapping"
        case .sequence: "a sequence"
        case .scalar(let s): s.resolved.typeDescription
        }
    }
}
