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
        var line = 1
        var column = 1
        var previousWasCR = false
        var iterator = body.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        while true {
            let here = SourcePosition(line: line, column: column)
            let at = SourceRange(start: here, end: SourcePosition(line: line, column: column + 1))
            switch parser.parseScalar(from: &iterator) {
            case .emptyInput:
                return .source(SourceFile(path: path, text: String(decoding: body, as: UTF8.self)))
            case .error:
                return .refused(Diagnostic(
                    .unreadableInput, "file is not valid UTF-8", file: path, range: at,
                    label: "invalid byte sequence", hint: "save the file as UTF-8"))
            case .valid(let encoded):
                let scalar = Unicode.UTF8.decode(encoded)
                if isControl(scalar) {
                    let code = "U+" + String(scalar.value, radix: 16, uppercase: true).leftPadded(to: 4)
                    return .refused(Diagnostic(
                        .unsupportedYAML, "control character \(code) is not allowed", file: path,
                        range: at, label: "control character",
                        hint: "remove it, or write it as an escape inside a double-quoted string"))
                }
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
        }
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
