/// A value to write: what the renderer builds; mappings keep the order they are given in.
package enum YAMLValue: Sendable, Hashable {
    case string(String)
    case int(Int)
    case bool(Bool)
    case null
    case sequence([YAMLValue])
    case mapping([(String, YAMLValue)])

    package static func == (a: YAMLValue, b: YAMLValue) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): x == y
        case (.int(let x), .int(let y)): x == y
        case (.bool(let x), .bool(let y)): x == y
        case (.null, .null): true
        case (.sequence(let x), .sequence(let y)): x == y
        case (.mapping(let x), .mapping(let y)):
            x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: false
        }
    }

    package func hash(into hasher: inout Hasher) {
        switch self {
        case .string(let s): hasher.combine(0); hasher.combine(s)
        case .int(let i): hasher.combine(1); hasher.combine(i)
        case .bool(let b): hasher.combine(2); hasher.combine(b)
        case .null: hasher.combine(3)
        case .sequence(let items): hasher.combine(4); hasher.combine(items)
        case .mapping(let pairs):
            hasher.combine(5)
            for (key, value) in pairs {
                hasher.combine(key)
                hasher.combine(value)
            }
        }
    }
}

extension YAMLNode {
    /// The node read back as a value with YAML 1.2 meaning (used to prove the writer round-trips).
    package var value: YAMLValue {
        switch content {
        case .scalar(let scalar):
            switch scalar.resolved {
            case .null: .null
            case .bool(let b): .bool(b)
            case .int(let i): .int(i)
            case .string(let s): .string(s)
            }
        case .sequence(let items): .sequence(items.map(\.value))
        case .mapping(let pairs): .mapping(pairs.map { ($0.key.scalar?.text ?? "", $0.value.value) })
        }
    }
}
