/// How a string must be written so that every YAML 1.1 or 1.2 reader gets the same string back.
/// Decided over the UTF-8 bytes: the writer asks this for every key and value of every object.
enum YAMLQuoting {
    enum Style {
        case plain, doubleQuoted, literal
    }

    static func style(for string: String) -> Style {
        var string = string
        return string.withUTF8(style(of:))
    }

    /// `style(for:)` of a string's UTF-8 bytes.
    static func style(of bytes: UnsafeBufferPointer<UInt8>) -> Style {
        // One pass for the common plain string: a line break is a control byte, so a string
        // holding one always needs quotes, and only then is it looked for.
        guard needsQuotes(bytes) else { return .plain }
        if bytes.contains(0x0A) { return canBeLiteral(bytes) ? .literal : .doubleQuoted }
        return .doubleQuoted
    }

    /// Words that YAML 1.1 or 1.2 reads as booleans or null, compared case-insensitively, each
    /// packed into an integer (one byte per character) so that the check allocates nothing.
    private static let reservedWords: [UInt64] = ([
        "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~", "=", "<<",
        ".inf", "-.inf", "+.inf", ".nan",
    ] as [String]).map { packedLowercase(Array($0.utf8)[...]) }

    /// Up to eight bytes, ASCII letters lowercased, one per byte of an integer.
    private static func packedLowercase<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> UInt64 {
        var packed: UInt64 = 0
        for byte in bytes {
            packed = packed << 8 | UInt64((0x41...0x5A).contains(byte) ? byte | 0x20 : byte)
        }
        return packed
    }

    /// Bytes that may not start a plain scalar.
    private static func isLeadingIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "{"), UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"),
             UInt8(ascii: "|"), UInt8(ascii: ">"), UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"),
             UInt8(ascii: "`"), UInt8(ascii: " "):
            true
        default: false
        }
    }

    private static func needsQuotes(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return true }
        if bytes.count <= 6, reservedWords.contains(packedLowercase(bytes)) { return true }
        if isLeadingIndicator(first) || last == 0x20 || last == 0x3A { return true }
        if (0x30...0x39).contains(first) || first == 0x2D || first == 0x2B || first == 0x2E, looksNumeric(bytes) { return true }
        var ascii = true
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            // Printable ASCII but for the space and `:` decides nothing (`#` only after a space).
            if byte &- 0x21 < 0x5E, byte != 0x3A { continue }
            switch byte {
            case 0x3A: if index < bytes.count, bytes[index] == 0x20 { return true }  // ": "
            case 0x20: if index < bytes.count, bytes[index] == 0x23 { return true }  // " #"
            case 0x80...: ascii = false
            default: return true  // a control byte or DEL
            }
        }
        return !ascii && String(decoding: bytes, as: UTF8.self).unicodeScalars.contains { !isPrintable($0) }
    }

    /// Anything a YAML 1.1 or 1.2 reader might take for a number, date or time: a digit (or a
    /// sign or dot and a digit) at the start, then only characters that numbers are made of.
    private static func looksNumeric(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        var rest = bytes[...]
        if let first = rest.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") || first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
        }
        guard let lead = rest.first, (0x30...0x39).contains(lead) || lead == UInt8(ascii: ".") else { return false }
        return rest.allSatisfy { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "f"), UInt8(ascii: "A")...UInt8(ascii: "F"): true
            default: "xXoObB_.:+-eE tTzZ".utf8.contains(byte)
            }
        }
    }

    /// A literal block keeps the text exactly when it holds only printable characters and tabs,
    /// has some non-blank content, and no line carries a stray carriage return.
    private static func canBeLiteral(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.contains(where: { $0 != 0x0A && $0 != 0x20 }) else { return false }
        var ascii = true
        for byte in bytes {
            if byte >= 0x80 {
                ascii = false
            } else if (byte < 0x20 && byte != 0x0A && byte != 0x09) || byte == 0x7F {
                return false
            }
        }
        return ascii || String(decoding: bytes, as: UTF8.self).unicodeScalars.allSatisfy { $0 == "\n" || $0 == "\t" || isPrintable($0) }
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
