/// Writes `YAMLValue`s as block-style YAML, byte-identical for the same value: LF line endings,
/// one final newline, two-space indentation, quoting wherever YAML 1.1 or 1.2 would read a string
/// as something else, multi-line text as literal blocks, and no line folding.
///
/// Writes UTF-8 bytes straight into the caller's buffer: a large mesh renders tens of thousands
/// of objects, and the file's bytes are what is hashed, compared and stored.
package enum YAMLWriter {
    package static func write(_ value: YAMLValue) -> String {
        var out: [UInt8] = []
        write(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends the document to `out`.
    package static func write(_ value: YAMLValue, into out: inout [UInt8]) {
        switch value {
        case .mapping(let pairs) where !pairs.isEmpty: writeMapping(pairs, indent: 0, onOpenLine: false, into: &out)
        case .sequence(let items) where !items.isEmpty: writeSequence(items, indent: 0, onOpenLine: false, into: &out)
        case .string(let text) where YAMLQuoting.style(for: text) == .literal:
            append(YAMLQuoting.doubleQuoted(text), to: &out)
            out.append(newline)
        default:
            writeInline(value, into: &out)
            out.append(newline)
        }
    }

    private static let newline = UInt8(ascii: "\n")
    private static let space = UInt8(ascii: " ")

    private static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    private static func pad(_ indent: Int, into out: inout [UInt8]) {
        var left = indent
        while left > 0 {
            let run = min(left, spaces.count)
            out.append(contentsOf: spaces[..<run])
            left -= run
        }
    }

    /// `onOpenLine`: the first line's indentation is already written (a `- ` of the sequence item
    /// holding this collection, which is exactly as wide).
    private static func writeMapping(_ pairs: [(String, YAMLValue)], indent: Int, onOpenLine: Bool, into out: inout [UInt8]) {
        var padded = onOpenLine
        for (key, value) in pairs {
            if !padded { pad(indent, into: &out) }
            padded = false
            writeKey(key, into: &out)
            out.append(UInt8(ascii: ":"))
            writeAfterKey(value, indent: indent + 2, into: &out)
        }
    }

    private static func writeSequence(_ items: [YAMLValue], indent: Int, onOpenLine: Bool, into out: inout [UInt8]) {
        var padded = onOpenLine
        for item in items {
            if !padded { pad(indent, into: &out) }
            padded = false
            switch item {
            case .mapping(let pairs) where !pairs.isEmpty:
                append("- ", to: &out)
                writeMapping(pairs, indent: indent + 2, onOpenLine: true, into: &out)
            case .sequence(let inner) where !inner.isEmpty:
                append("- ", to: &out)
                writeSequence(inner, indent: indent + 2, onOpenLine: true, into: &out)
            default:
                out.append(UInt8(ascii: "-"))
                writeAfterKey(item, indent: indent + 2, into: &out)
            }
        }
    }

    /// What follows a key's `:` or an item's `-`: a space and a scalar or empty collection, or a
    /// non-empty collection on the following lines, or a literal block.
    private static func writeAfterKey(_ value: YAMLValue, indent: Int, into out: inout [UInt8]) {
        switch value {
        case .mapping(let pairs) where !pairs.isEmpty:
            out.append(newline)
            writeMapping(pairs, indent: indent, onOpenLine: false, into: &out)
        case .sequence(let items) where !items.isEmpty:
            out.append(newline)
            writeSequence(items, indent: indent, onOpenLine: false, into: &out)
        case .string(let text):
            switch writePlain(text, afterSpace: true, into: &out) {
            case .plain: break
            case .doubleQuoted:
                out.append(space)
                append(YAMLQuoting.doubleQuoted(text), to: &out)
            case .literal:
                writeLiteral(text, indent: indent, into: &out)
                return
            }
            out.append(newline)
        default:
            out.append(space)
            writeInline(value, into: &out)
            out.append(newline)
        }
    }

    /// `|`, `|-` or `|+` by the number of trailing newlines; an indentation indicator when the
    /// first non-empty line starts with a space. Ends with its own final newline(s).
    private static func writeLiteral(_ text: String, indent: Int, into out: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            var end = bytes.count
            while end > 0 && bytes[end - 1] == newline { end -= 1 }
            let trailing = bytes.count - end
            let body = UnsafeBufferPointer(rebasing: bytes[..<end])
            let firstContent = body.firstIndex { $0 != newline }
            append(firstContent.map { body[$0] == space } == true ? " |2" : " |", to: &out)
            if trailing == 0 { out.append(UInt8(ascii: "-")) } else if trailing > 1 { out.append(UInt8(ascii: "+")) }
            out.append(newline)
            var lineStart = 0
            while lineStart <= body.count {
                let lineEnd = body[lineStart...].firstIndex(of: newline) ?? body.count
                if lineEnd > lineStart {
                    pad(indent, into: &out)
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: body[lineStart..<lineEnd]))
                }
                out.append(newline)
                lineStart = lineEnd + 1
            }
            if trailing > 1 { out.append(contentsOf: repeatElement(newline, count: trailing - 1)) }
        }
    }

    /// A scalar (never a literal-style string) or an empty collection, on the current line.
    private static func writeInline(_ value: YAMLValue, into out: inout [UInt8]) {
        switch value {
        case .string(let text): writeKey(text, into: &out)
        case .int(let number): append(String(number), to: &out)
        case .bool(let flag): append(flag ? "true" : "false", to: &out)
        case .null: append("null", to: &out)
        case .sequence: append("[]", to: &out)
        case .mapping: append("{}", to: &out)
        }
    }

    /// A string on one line: plain when it reads back as itself, double-quoted otherwise.
    private static func writeKey(_ string: String, into out: inout [UInt8]) {
        if writePlain(string, afterSpace: false, into: &out) != .plain { append(YAMLQuoting.doubleQuoted(string), to: &out) }
    }

    /// The style `text` needs; when plain, `text` is written (after a space if asked) from the
    /// same bytes the style was decided on, and otherwise nothing is.
    private static func writePlain(_ text: String, afterSpace: Bool, into out: inout [UInt8]) -> YAMLQuoting.Style {
        var text = text
        return text.withUTF8 { bytes in
            let style = YAMLQuoting.style(of: bytes)
            if style == .plain {
                if afterSpace { out.append(space) }
                out.append(contentsOf: bytes)
            }
            return style
        }
    }
}
