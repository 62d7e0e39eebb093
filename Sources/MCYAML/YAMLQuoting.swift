/// How a string must be written so that every YAML 1.1 or 1.2 reader gets the same string back.
enum YAMLQuoting {
    enum Style {
        case plain, doubleQuoted, literal
    }

    /// Words that YAML 1.1 or 1.2 reads as booleans or null, compared case-insensitively.
    private static let reservedWords: Set<String> = [
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "=", "<<",
        ".inf", "-.inf", "+.inf", ".nan",
    ]

    /// Characters that may not start a plain scalar.
    private static let leadingIndicators: Set<Unicode.Scalar> = [
        "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`",
    ]

    static func style(for string: String) -> Style {
        if string.utf8.contains(0x0A) { return canBeLiteral(string) ? .literal : .doubleQuoted }
        return needsQuotes(string) ? .doubleQuoted : .plain
    }

    /// Decided in one pass over the UTF-8 bytes: the writer asks this for every key and value.
    static func needsQuotes(_ string: String) -> Bool {
        let bytes = string.utf8
        guard let first = bytes.first, let last = bytes.last else { return true }
        if bytes.count <= 6, reservedWords.contains(string.lowercased()) { return true }
        if leadingIndicators.contains(Unicode.Scalar(first)) || first == 0x20 || last == 0x20 || last == 0x3A { return true }
        if (0x30...0x39).contains(first) || first == 0x2D || first == 0x2B || first == 0x2E, looksNumeric(string) { return true }
        var previous: UInt8 = 0
        var ascii = true
        for byte in bytes {
            if byte < 0x20 || byte == 0x7F { return true }
            if byte >= 0x80 { ascii = false }
            if previous == 0x3A && byte == 0x20 { return true }  // ": "
            if previous == 0x20 && byte == 0x23 { return true }  // " #"
            previous = byte
        }
        return !ascii && string.unicodeScalars.contains { !isPrintable($0) }
    }

    /// Anything a YAML 1.1 or 1.2 reader might take for a number, date or time: a digit (or a
    /// sign or dot and a digit) at the start, then only characters that numbers are made of.
    private static func looksNumeric(_ string: String) -> Bool {
        var scalars = Substring(string).unicodeScalars[...]
        if let first = scalars.first, first == "-" || first == "+" || first == "." {
            scalars = scalars.dropFirst()
        }
        guard let lead = scalars.first, ("0"..."9").contains(lead) || lead == "." else { return false }
        return scalars.allSatisfy { c in
            ("0"..."9").contains(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
                || "xXoObB_.:+-eE tTzZ".unicodeScalars.contains(c)
        }
    }

    /// A literal block keeps the text exactly when it holds only printable characters and tabs,
    /// has some non-blank content, and no line carries a stray carriage return.
    private static func canBeLiteral(_ string: String) -> Bool {
        guard string.unicodeScalars.contains(where: { $0 != "\n" && $0 != " " }) else { return false }
        return string.unicodeScalars.allSatisfy { $0 == "\n" || $0 == "\t" || isPrintable($0) }
            && !string.unicodeScalars.contains("\r")
    }

    static func isPrintable(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x20...0x7E: true
        case 0xA0...0xD7FF, 0xE000...0xFFFD: c.value != 0xFEFF
        case 0x10000...0x10FFFF: true
        default: false
        }
    }

    /// A double-quoted scalar on one line, with escapes for everything non-printable.
    static func doubleQuoted(_ string: String) -> String {
        var out = "\""
        for c in string.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                if isPrintable(c) {
                    out.unicodeScalars.append(c)
                } else if c.value <= 0xFF {
                    out += "\\x" + hex(c.value, width: 2)
                } else if c.value <= 0xFFFF {
                    out += "\\u" + hex(c.value, width: 4)
                } else {
                    out += "\\U" + hex(c.value, width: 8)
                }
            }
        }
        return out + "\""
    }

    private static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
