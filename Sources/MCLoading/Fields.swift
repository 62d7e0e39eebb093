import MCDiagnostics
import MCTopology
import MCYAML

/// Typed access to the fields of one mapping, reporting unknown fields (MC104), wrong types
/// (MC105) and missing required fields (MC106) as it goes.
struct Fields {
    let node: YAMLNode
    /// What the mapping is, for messages: "cluster 'east'", "a link".
    var owner: String
    private let context: LoadContext
    private var pairs: [String: YAMLNode.Pair] = [:]
    /// Fields that an unknown (misspelt) field was taken for: not reported missing a second time.
    private var suggested: Set<String> = []

    /// Nil (after reporting MC105) when `node` is not a mapping.
    init?(_ node: YAMLNode, field: String, owner: String, allowed: [String], context: LoadContext) {
        guard let mapping = node.mapping else {
            context.wrongType(node, field: field, expected: "a mapping")
            return nil
        }
        self.node = node
        self.owner = owner
        self.context = context
        for pair in mapping {
            guard let key = pair.key.scalar?.text else {
                context.wrongType(pair.key, field: "key", expected: "a string",
                                  hint: "mapping keys are field names")
                continue
            }
            guard allowed.contains(key) else {
                let suggestion = Suggestion(for: key, among: allowed)
                if let candidate = suggestion.candidate { suggested.insert(candidate) }
                context.report(
                    .unknownField, "unknown field '\(key)' in \(owner)" + suggestion.didYouMean,
                    at: pair.key.range, label: "unknown field",
                    hint: suggestion.hint({ "rename it to '\($0)'" }, otherwise: "remove it; allowed here: " + allowed.joined(separator: ", ")))
                continue
            }
            pairs[key] = pair
        }
    }

    func has(_ key: String) -> Bool { pairs[key] != nil }

    func node(_ key: String) -> YAMLNode? { pairs[key]?.value }

    func keyRange(_ key: String) -> SourceRange? { pairs[key]?.key.range }

    /// Reports MC106 at this mapping, unless a misspelling of `key` was already reported.
    func missing(_ key: String, hint: String? = nil) {
        guard !suggested.contains(key) else { return }
        context.report(.missingField, "\(owner) is missing required field '\(key)'", at: node.range,
                       label: "'\(key)' missing", hint: hint ?? "add '\(key):'")
    }

    func string(_ key: String) -> Located<String>? {
        node(key).flatMap { Fields.string($0, field: key, context: context) }
    }

    func requiredString(_ key: String, hint: String? = nil) -> Located<String>? {
        guard has(key) else {
            missing(key, hint: hint)
            return nil
        }
        return string(key)
    }

    func int(_ key: String) -> Located<Int>? {
        guard let value = node(key) else { return nil }
        if let scalar = value.scalar, let number = scalar.integerValue {
            return Located(number, at: value.range)
        }
        let hint = value.scalar.map { $0.style != .plain ? "write the number without quotes" : "write a whole number" }
        context.wrongType(value, field: key, expected: "an integer", hint: hint)
        return nil
    }

    func bool(_ key: String) -> Located<Bool>? {
        guard let value = node(key) else { return nil }
        if let scalar = value.scalar, case .bool(let b) = scalar.resolved { return Located(b, at: value.range) }
        context.wrongType(value, field: key, expected: "a boolean",
                          hint: "write true or false (YAML 1.2: yes, no, on and off are strings)")
        return nil
    }

    /// A list of strings; with `scalarAllowed`, a single string counts as a list of one.
    func strings(_ key: String, scalarAllowed: Bool = false) -> [Located<String>]? {
        guard let value = node(key) else { return nil }
        return Fields.strings(value, field: key, scalarAllowed: scalarAllowed, context: context)
    }

    /// An enumerated value; anything else is MC108 with did-you-mean.
    func choice<E: RawRepresentable & CaseIterable>(_ key: String, _ type: E.Type) -> Located<E>?
    where E.RawValue == String {
        guard let text = string(key) else { return nil }
        if let value = E(rawValue: text.value) { return Located(value, at: text.range) }
        let allowed = E.allCases.map(\.rawValue)
        context.report(
            .invalidValue,
            "invalid \(key) '\(text.value)'" + Suggestion(for: text.value, among: allowed).didYouMean,
            at: text.range, label: "not a valid \(key)",
            hint: "use one of: " + allowed.joined(separator: ", "))
        return nil
    }

    /// Each item of a sequence field, or nil after MC105 when it is not one.
    func items(_ key: String) -> [YAMLNode]? {
        guard let value = node(key) else { return nil }
        guard let items = value.sequence else {
            context.wrongType(value, field: key, expected: "a sequence", hint: "write it as a list: '- …' items")
            return nil
        }
        return items
    }

    static func string(_ node: YAMLNode, field: String, context: LoadContext) -> Located<String>? {
        if let scalar = node.scalar, case .string(let text) = scalar.resolved {
            return Located(text, at: node.range)
        }
        let hint = node.scalar.map { "quote it: \"\($0.text)\"" }
        context.wrongType(node, field: field, expected: "a string", hint: hint)
        return nil
    }

    static func strings(
        _ node: YAMLNode, field: String, scalarAllowed: Bool, context: LoadContext
    ) -> [Located<String>]? {
        if scalarAllowed, node.scalar != nil {
            return string(node, field: field, context: context).map { [$0] }
        }
        guard let items = node.sequence else {
            context.wrongType(node, field: field, expected: scalarAllowed ? "a string or a list of strings" : "a list of strings")
            return nil
        }
        var result: [Located<String>] = []
        var clean = true
        for item in items {
            if let text = string(item, field: field, context: context) { result.append(text) } else { clean = false }
        }
        return clean ? result : nil
    }
}
