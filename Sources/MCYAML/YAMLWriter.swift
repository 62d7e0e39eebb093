/// Writes `YAMLValue`s as block-style YAML, byte-identical for the same value: LF line endings,
/// one final newline, two-space indentation, quoting wherever YAML 1.1 or 1.2 would read a string
/// as something else, multi-line text as literal blocks, and no line folding.
package enum YAMLWriter {
    package static func write(_ value: YAMLValue) -> String {
        var lines: [String] = []
        switch value {
        case .mapping(let pairs) where !pairs.isEmpty: writeMapping(pairs, indent: 0, into: &lines)
        case .sequence(let items) where !items.isEmpty: writeSequence(items, indent: 0, into: &lines)
        default: lines.append(inline(value) ?? "")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func writeMapping(_ pairs: [(String, YAMLValue)], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for (key, value) in pairs {
            let head = pad + scalar(key) + ":"
            if let text = inline(value) {
                lines.append(head + " " + text)
            } else {
                writeNested(value, head: head, indent: indent + 2, into: &lines)
            }
        }
    }

    private static func writeSequence(_ items: [YAMLValue], indent: Int, into lines: inout [String]) {
        let pad = String(repeating: " ", count: indent)
        for item in items {
            if let text = inline(item) {
                lines.append(pad + "- " + text)
                continue
            }
            var nested: [String] = []
            switch item {
            case .mapping(let pairs): writeMapping(pairs, indent: indent + 2, into: &nested)
            case .sequence(let inner): writeSequence(inner, indent: indent + 2, into: &nested)
            default:
                writeNested(item, head: pad + "-", indent: indent + 2, into: &lines)
                continue
            }
            nested[0] = pad + "- " + nested[0].dropFirst(indent + 2)
            lines.append(contentsOf: nested)
        }
    }

    /// A value that does not fit after its key: a non-empty collection or a literal block.
    private static func writeNested(_ value: YAMLValue, head: String, indent: Int, into lines: inout [String]) {
        switch value {
        case .mapping(let pairs):
            lines.append(head)
            writeMapping(pairs, indent: indent, into: &lines)
        case .sequence(let items):
            lines.append(head)
            writeSequence(items, indent: indent, into: &lines)
        case .string(let text):
            writeLiteral(text, head: head, indent: indent, into: &lines)
        default:
            lines.append(head + " " + (inline(value) ?? ""))
        }
    }

    /// `|`, `|-` or `|+` by the number of trailing newlines; an indentation indicator when the
    /// first non-empty line starts with a space.
    private static func writeLiteral(_ text: String, head: String, indent: Int, into lines: inout [String]) {
        var body = Substring(text)
        var trailing = 0
        while body.last == "\n" {
            body = body.dropLast()
            trailing += 1
        }
        let chomping = trailing == 0 ? "-" : trailing == 1 ? "" : "+"
        let bodyLines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let firstContent = bodyLines.first { !$0.isEmpty }
        let indicator = firstContent?.first == " " ? "2" : ""
        lines.append(head + " |" + indicator + chomping)
        let pad = String(repeating: " ", count: indent)
        for line in bodyLines { lines.append(line.isEmpty ? "" : pad + line) }
        if trailing > 1 { lines.append(contentsOf: repeatElement("", count: trailing - 1)) }
    }

    /// The one-line form of a scalar or empty collection, or nil when it needs lines of its own.
    private static func inline(_ value: YAMLValue) -> String? {
        switch value {
        case .string(let s):
            switch YAMLQuoting.style(for: s) {
            case .plain: s
            case .doubleQuoted: YAMLQuoting.doubleQuoted(s)
            case .literal: nil
            }
        case .int(let i): String(i)
        case .bool(let b): b ? "true" : "false"
        case .null: "null"
        case .sequence(let items): items.isEmpty ? "[]" : nil
        case .mapping(let pairs): pairs.isEmpty ? "{}" : nil
        }
    }

    private static func scalar(_ string: String) -> String {
        switch YAMLQuoting.style(for: string) {
        case .plain: string
        case .doubleQuoted, .literal: YAMLQuoting.doubleQuoted(string)
        }
    }
}
