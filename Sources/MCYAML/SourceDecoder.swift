import MCDiagnostics

/// Bytes → `SourceFile`: refuses input that is too large, empty, not UTF-8 or holding control
/// characters (MC100, MC103) before any YAML is parsed. A UTF-8 byte-order mark is dropped.
package enum SourceDecoder {
    /// The decoded text, or the one reason it was refused.
    package enum Outcome: Sendable {
        case source(SourceFile)
        case refused(Diagnostic)
    }

    package static func decode(
        _ bytes: [UInt8], path: String, limits: YAMLLimits = .standard
    ) -> Outcome {
        if bytes.count > limits.maxBytes {
            return .refused(Diagnostic(
                .unsupportedYAML, "input is \(bytes.count) bytes, over the limit of 16 MiB",
                file: path, range: .fileStart, hint: "split the topology or remove what it does not need"))
        }
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if body.isEmpty {
            return .refused(Diagnostic(
                .unreadableInput, "file is empty", file: path, range: .fileStart,
                hint: "start from 'apiVersion: mcplan/v1' and 'kind: Topology'"))
        }
        guard let text = String(validating: body, as: UTF8.self) else {
            let (at, _) = position(of: firstInvalid(body), in: body)
            return .refused(Diagnostic(
                .unreadableInput, "file is not valid UTF-8", file: path, range: at,
                label: "invalid byte sequence", hint: "save the file as UTF-8"))
        }
        if let control = firstControl(body) {
            let (at, scalar) = position(of: control, in: body)
            let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
            if scalar == "\u{2028}" || scalar == "\u{2029}" {
                let name = scalar == "\u{2028}" ? "line separator" : "paragraph separator"
                return .refused(Diagnostic(
                    .unsupportedYAML, "\(name) \(code) is not allowed (YAML reads it as a line break where editors do not)",
                    file: path, range: at, label: name,
                    hint: "remove it, or write it as \\u\(String(scalar.value, radix: 16)) inside a double-quoted string"))
            }
            return .refused(Diagnostic(
                .unsupportedYAML, "control character \(code) is not allowed", file: path, range: at,
                label: "control character", hint: "remove it, or write it as an escape inside a double-quoted string"))
        }
        return .source(SourceFile(path: path, text: text))
    }

    /// The byte offset of the first control character, scanning UTF-8 bytes: C0 controls and DEL
    /// are single bytes, C1 controls are C2 80…C2 9F, and U+FFFE/U+FFFF are EF BF BE/BF.
    private static func firstControl(_ bytes: ArraySlice<UInt8>) -> Int? {
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            switch b {
            case 0x09, 0x0A, 0x0D: break
            case 0x00...0x1F, 0x7F: return i
            case 0xC2 where i + 1 < bytes.endIndex && (0x80...0x9F).contains(bytes[i + 1]): return i
            case 0xEF where i + 2 < bytes.endIndex && bytes[i + 1] == 0xBF && (0xBE...0xBF).contains(bytes[i + 2]): return i
            // U+2028 and U+2029: libyaml breaks lines there, editors and this tool's positions do not.
            case 0xE2 where i + 2 < bytes.endIndex && bytes[i + 1] == 0x80 && (0xA8...0xA9).contains(bytes[i + 2]): return i
            default: break
            }
            i += 1
        }
        return nil
    }

    /// The byte offset where UTF-8 decoding first fails.
    private static func firstInvalid(_ bytes: ArraySlice<UInt8>) -> Int {
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = bytes.startIndex
        while case .valid(let encoded) = parser.parseScalar(from: &iterator) { offset += encoded.count }
        return offset
    }

    /// The line and column (in characters) of a byte offset, and the character found there.
    private static func position(of offset: Int, in bytes: ArraySlice<UInt8>) -> (SourceRange, Unicode.Scalar) {
        var line = 1
        var column = 1
        var previousWasCR = false
        var iterator = bytes[..<offset].makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while case .valid(let encoded) = parser.parseScalar(from: &iterator) {
            let scalar = Unicode.UTF8.decode(encoded)
            if scalar == "\n" {
                if !previousWasCR { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        var rest = bytes[offset...].makeIterator()
        var found: Unicode.Scalar = "\u{FFFD}"
        if case .valid(let encoded) = parser.parseScalar(from: &rest) { found = Unicode.UTF8.decode(encoded) }
        let start = SourcePosition(line: line, column: column)
        return (SourceRange(start: start, end: SourcePosition(line: line, column: column + 1)), found)
    }

    /// C0 controls other than tab and line breaks, DEL, C1 controls, and non-characters.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00...0x1F, 0x7F, 0x80...0x9F, 0xFFFE, 0xFFFF: true
        default: false
        }
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
