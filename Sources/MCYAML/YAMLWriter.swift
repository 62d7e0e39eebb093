/// Writes `YAMLValue`s as block-style YAML, byte-identical for the same value: LF line endings,
/// one final newline, two-space indentation, quoting wherever YAML 1.1 or 1.2 would read a string
/// as something else, multi-line text as literal blocks, and no line folding.
package enum YAMLWriter {
    package static func write(_ value: YAMLValue) -> String {
        var out = ""
        out.reserveCapacity(1024)
        switch value {
        case .mapping(let pairs) where !pairs.isEmpty: writeMapping(pairs, indent: 0, firstPrefix: nil, into: &out)
        case .sequence(let items) where !items.isEmpty: writeSequence(items, indent: 0, firstPrefix: nil, into: &out)
        default: out += (inline(value) ?? "") + "\n"
        }
        return out
    }

    /// Writes `count` spaces, or `prefix` in their place on the collection's first line (the
    /// `- ` of a sequence item holding this collection).
    private static func pad(_ indent: Int, _ prefix: inout String?, into out: inout String) {
        if let first = prefix {
            out += first
            prefix = nil
        } else {
            out += String(repeating: " ", count: indent)
        }
    }

    private static func writeMapping(_ pairs: [(String, YAMLValue)], indent: Int, firstPrefix: String?, into out: inout String) {
        var prefix = firstPrefix
        for (key, value) in pairs {
            pad(indent, &prefix, into: &out)
            out += scalar(key)
            out += ":"
            if let text = inline(value) {
                out += " "
                out += text
                out += "\n"
            } else {
                writeNested(value, indent: indent + 2, into: &out)
            }
        }
    }

    private static func writeSequence(_ items: [YAMLValue], indent: Int, firstPrefix: String?, into out: inout String) {
        var prefix = firstPrefix
        for item in items {
            if let text = inline(item) {
                pad(indent, &prefix, into: &out)
                out += "- "
                out += text
                out += "\n"
                continue
            }
            var head = ""
            pad(indent, &prefix, into: &head)
            head += "- "
            switch item {
            case .mapping(let pairs): writeMapping(pairs, indent: indent + 2, firstPrefix: head, into: &out)
            case .sequence(let inner): writeSequence(inner, indent: indent + 2, firstPrefix: head, into: &out)
            default:
                out += String(head.dropLast())
                writeNested(item, indent: indent + 2, into: &out)
            }
        }
    }

    /// A value that does not fit after its key (the key and `:` are written): a non-empty
    /// collection on the following lines, or a literal block.
    private static func writeNested(_ value: YAMLValue, indent: Int, into out: inout String) {
        switch value {
        case .mapping(let pairs):
            out += "\n"
            writeMapping(pairs, indent: indent, firstPrefix: nil, into: &out)
        case .sequence(let items):
            out += "\n"
            writeSequence(items, indent: indent, firstPrefix: nil, into: &out)
        case .string(let text):
            writeLiteral(text, indent: indent, into: &out)
        default:
            out += " " + (inline(value) ?? "") + "\n"
        }
    }

    /// `|`, `|-` or `|+` by the number of trailing newlines; an indentation indicator when the
    /// first non-empty line starts with a space.
    private static func writeLiteral(_ text: String, indent: Int, into out: inout String) {
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
        out += " |" + indicator + chomping + "\n"
        let pad = String(repeating: " ", count: indent)
        for line in bodyLines {
            if !line.isEmpty {
                out += pad
                out += line
            }
            out += "\n"
        }
        if trailing > 1 { out += String(repeating: "\n", count: trailing - 1) }
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
