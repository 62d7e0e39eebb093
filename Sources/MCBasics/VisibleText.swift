/// User text made safe to print: control characters, bidirectional overrides and line or
/// paragraph separators are shown as escapes, so a value can neither forge a line of output, move
/// the cursor, erase what came before nor reorder what a reader sees.
package enum VisibleText {
    package static func escaping(_ text: String) -> String {
        guard needsEscaping(text) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.unicodeScalars.append(scalar)
                continue
            }
            switch scalar {
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\u{1B}": out += "\\e"
            default: out += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return out
    }

    /// Whether `text` holds anything `escaping` would change (line feeds aside, when allowed).
    package static func needsEscaping(_ text: String, allowingLineFeeds: Bool = false) -> Bool {
        text.unicodeScalars.contains { needsEscape($0) && !(allowingLineFeeds && $0 == "\n") }
    }

    /// C0 controls but the tab (which lines snippets up), C1 controls, DEL, bidi marks,
    /// embeddings, overrides and isolates, LS and PS.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09: false
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029: true
        default: false
        }
    }

    /// The shortest run of backticks (three or more) that no run inside `text` reaches: a
    /// markdown fence that user text cannot close.
    package static func fence(for text: String) -> String {
        var longest = 0
        var current = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "`") {
                current += 1
                longest = max(longest, current)
            } else {
                current = 0
            }
        }
        return String(repeating: "`", count: max(3, longest + 1))
    }
}
