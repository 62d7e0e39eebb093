import MCBasics
import MCDiagnostics
import MCYAML

/// Finds the values of a parsed topology that hold key or token material: every scalar, keys
/// included, after YAML resolved escapes (`\x2E`, `\n`), folding and continuation lines, and every
/// credential key (`token`, `client-key-data`, `password`) with a value, in block or flow style.
package enum SecretValueScanner {
    package static func scan(_ root: YAMLNode) -> [SecretValue] {
        var found: [SecretValue] = []
        var stack = [root]
        while let node = stack.popLast() {
            switch node.content {
            case .scalar(let scalar):
                if let kind = SecretMaterial.kind(ofValue: scalar.text) {
                    found.append(SecretValue(range: node.range, kind: kind, text: scalar.text,
                                             isBlock: scalar.style == .literal || scalar.style == .folded))
                }
            case .sequence(let items):
                stack.append(contentsOf: items)
            case .mapping(let pairs):
                for pair in pairs {
                    if let key = pair.key.scalar?.text, SecretMaterial.isCredentialKey(key),
                       let value = pair.value.scalar, !value.text.isEmpty, !value.isNull {
                        found.append(SecretValue(range: SourceRange(start: pair.key.range.start, end: pair.value.range.end),
                                                 kind: .credentialField, text: value.text))
                    }
                    stack.append(pair.value)
                    stack.append(pair.key)
                }
            }
        }
        return found.sorted { $0.range < $1.range }
    }
}

extension YAMLNode.Scalar {
    fileprivate var isNull: Bool {
        if case .null = resolved { true } else { false }
    }
}
