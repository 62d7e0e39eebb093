/// The meaning of a scalar under YAML 1.2: only `true`/`false` are booleans, only canonical
/// decimals are integers, and `on`, `no`, `y`, `0755`, `1.10` stay strings.
package enum ResolvedScalar: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)

    package var typeDescription: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int: "an integer"
        case .string: "a string"
        }
    }
}

extension YAMLNode.Scalar {
    /// The untyped meaning: what the value is when the field does not ask for a type.
    package var resolved: ResolvedScalar {
        guard style == .plain else { return .string(text) }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        default: break
        }
        if YAMLNode.Scalar.isCanonicalDecimal(text), let value = Int(text) { return .int(value) }
        return .string(text)
    }

    /// The value when the field asks for an integer: YAML 1.2 core forms (`0755` is 755,
    /// `0o17`, `0x1F`) of a plain scalar.
    package var integerValue: Int? {
        guard style == .plain else { return nil }
        var digits = Substring(text)
        var sign = 1
        if digits.first == "-" || digits.first == "+" {
            sign = digits.first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        if digits.hasPrefix("0o"), sign == 1 { return Int(digits.dropFirst(2), radix: 8) }
        if digits.hasPrefix("0x"), sign == 1 { return Int(digits.dropFirst(2), radix: 16) }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(digits).map { $0 * sign }
    }

    private static func isCanonicalDecimal(_ text: String) -> Bool {
        var digits = Substring(text)
        if digits.first == "-" || digits.first == "+" { digits = digits.dropFirst() }
        guard let first = digits.first, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        return first != "0" || digits.count == 1
    }
}
