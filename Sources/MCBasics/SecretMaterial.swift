#if canImport(Glibc)
import Glibc
#endif

/// Detects private-key and token material line by line, so that it is never echoed and MC305 can
/// say what it found without showing it.
package enum SecretMaterial: String, Sendable {
    case privateKey = "a private key"
    case credentialField = "a kubeconfig credential"
    case jsonWebToken = "a token"

    /// One finding: the 1-based line it starts on and what it is.
    package struct Finding: Sendable, Hashable {
        package var line: Int
        package var column: Int
        package var kind: SecretMaterial
    }

    /// Every finding in `lines` (1-based numbering), in order.
    package static func findings(in lines: some Sequence<Substring>) -> [Finding] {
        scan(lines).findings
    }

    /// The 1-based numbers of the lines that hold secret material, including the body of a
    /// private-key block, which never contains the words that give it away.
    package static func secretLines(in lines: some Sequence<Substring>) -> Set<Int> {
        scan(lines).lines
    }

    private static func scan(_ lines: some Sequence<Substring>) -> (findings: [Finding], lines: Set<Int>) {
        var findings: [Finding] = []
        var secret = Set<Int>()
        var insideKeyBlock = false
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            var line = line
            line.withUTF8 { bytes in
                if insideKeyBlock {
                    secret.insert(number)
                    insideKeyBlock = find(Pattern.end, in: bytes, from: 0) == nil
                } else if let column = privateKeyBegin(bytes) {
                    findings.append(Finding(line: number, column: column, kind: .privateKey))
                    secret.insert(number)
                    insideKeyBlock = find(Pattern.end, in: bytes, from: 0) == nil
                } else if let column = credentialField(bytes) {
                    findings.append(Finding(line: number, column: column, kind: .credentialField))
                    secret.insert(number)
                } else if let column = jsonWebToken(bytes) {
                    findings.append(Finding(line: number, column: column, kind: .jsonWebToken))
                    secret.insert(number)
                }
            }
        }
        return (findings, secret)
    }

    /// What secret material one value holds, after YAML has resolved its escapes, folding and
    /// continuation lines: the line detectors over each of its lines (whatever the line breaks),
    /// and JSON's quoted credential keys (`{"token": "…"}`, a one-line kubeconfig).
    package static func kind(ofValue text: String) -> SecretMaterial? {
        var text = text
        // Every value of a topology is asked: most are short names that hold none of the words
        // any detector starts from, and are passed over on one scan of their bytes.
        guard text.withUTF8({ mightHold($0) }) else { return nil }
        if let found = findings(in: Lines.splitOnYAMLBreaks(text)).first { return found.kind }
        return text.withUTF8 { bytes in jsonCredential(bytes) ? .credentialField : nil }
    }

    /// Whether a text holds a word some detector starts from; when it does not, no line of it is
    /// secret (one pass over a whole file instead of every detector on every line).
    package static func mightHold(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { mightHold($0) }
    }

    /// `mightHold(_:)` of a file's bytes.
    package static func mightHold(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { mightHold($0) }
    }

    /// Whether the bytes hold a word some detector starts from.
    private static func mightHold(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        find(Pattern.begin, in: bytes, from: 0) != nil || find(Pattern.tokenStart, in: bytes, from: 0) != nil
            || credentialKeys.contains { find($0, in: bytes, from: 0) != nil }
    }

    /// A mapping key whose value is a credential wherever it stands (flow style included).
    package static func isCredentialKey(_ key: String) -> Bool {
        credentialKeys.contains(Array(key.utf8))
    }

    /// `"token"`, `"client-key-data"` or `"password"` followed by `:` and a non-empty string.
    private static func jsonCredential(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        for key in credentialKeys {
            let quoted = [UInt8(ascii: "\"")] + key + [UInt8(ascii: "\"")]
            var from = 0
            while let start = find(quoted, in: bytes, from: from) {
                var i = skipBlanks(bytes, start + quoted.count)
                from = start + 1
                guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { continue }
                i = skipBlanks(bytes, i + 1)
                guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\"") else { continue }
                if bytes[i + 1] != UInt8(ascii: "\"") { return true }
            }
        }
        return false
    }

    /// The byte strings the detectors look for.
    private enum Pattern {
        static let begin = Array("-----BEGIN ".utf8)
        static let end = Array("-----END".utf8)
        static let dashes = Array("-----".utf8)
        static let privateKey = Array("PRIVATE KEY".utf8)
        static let tokenStart = Array("eyJ".utf8)
        static let emptyValues: [[UInt8]] = [[], Array("\"\"".utf8), Array("''".utf8), Array("null".utf8), Array("~".utf8)]
    }

    // The detectors work on UTF-8 bytes: they run over every line of every topology, and byte
    // search is an order of magnitude faster than Character-level string searching.

    /// `-----BEGIN … PRIVATE KEY-----` (PKCS#1, PKCS#8, EC, OpenSSH, encrypted).
    /// Every `-----BEGIN` of the line is examined: a certificate and a key can share one line
    /// (a JSON-style string with `\n` escapes).
    private static func privateKeyBegin(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var from = 0
        while let begin = find(Pattern.begin, in: bytes, from: from) {
            let labelStart = begin + Pattern.begin.count
            if let end = find(Pattern.dashes, in: bytes, from: labelStart),
               find(Pattern.privateKey, in: UnsafeBufferPointer(rebasing: bytes[labelStart..<end]), from: 0) != nil {
                return column(ofByte: begin, in: bytes)
            }
            from = labelStart
        }
        return nil
    }

    /// A kubeconfig credential key (`token`, `client-key-data`, `password`) with a value.
    private static func credentialField(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = skipBlanks(bytes, 0)
        if i + 1 < bytes.count, bytes[i] == UInt8(ascii: "-"), bytes[i + 1] == UInt8(ascii: " ") { i = skipBlanks(bytes, i + 2) }
        let start = i
        var quote: UInt8?
        if i < bytes.count, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
            quote = bytes[i]
            i += 1
        }
        guard let key = credentialKeys.first(where: { bytes[i...].starts(with: $0) }) else { return nil }
        i += key.count
        if let quote {
            guard i < bytes.count, bytes[i] == quote else { return nil }
            i += 1
        }
        i = skipBlanks(bytes, i)
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { return nil }
        i = skipBlanks(bytes, i + 1)
        var value = Array(bytes[i...].prefix { $0 != UInt8(ascii: "#") })
        while let last = value.last, last == 0x20 || last == 0x09 { value.removeLast() }
        guard !Pattern.emptyValues.contains(value) else { return nil }
        return column(ofByte: start, in: bytes)
    }

    private static let credentialKeys = ["token", "client-key-data", "password"].map { Array($0.utf8) }

    /// `eyJ…` base64url segments separated by dots: a JWT (header.payload.signature).
    private static func jsonWebToken(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var from = 0
        while let start = find(Pattern.tokenStart, in: bytes, from: from) {
            var segments = 1
            var end = start
            while end < bytes.count {
                let c = bytes[end]
                if c == UInt8(ascii: ".") {
                    segments += 1
                } else if !isBase64URL(c) {
                    break
                }
                end += 1
            }
            if segments >= 3, end - start >= 16 { return column(ofByte: start, in: bytes) }
            from = start + 3
        }
        return nil
    }

    private static func isBase64URL(_ c: UInt8) -> Bool {
        (0x30...0x39).contains(c) || (0x41...0x5A).contains(c) || (0x61...0x7A).contains(c)
            || c == UInt8(ascii: "-") || c == UInt8(ascii: "_")
    }

    private static func skipBlanks(_ bytes: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var i = from
        while i < bytes.count, bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
        return i
    }

    /// The first offset at or after `from` where `pattern` starts in `bytes`.
    private static func find(_ pattern: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard !pattern.isEmpty, let base = bytes.baseAddress, from <= bytes.count, bytes.count - from >= pattern.count else { return nil }
        // memchr to each candidate of the pattern's rarest byte, then a comparison: most bytes
        // are skipped in bulk (the `t` of `token` is in every other word, its `k` far less often).
        let anchor = pattern.indices.min { commonness[Int(pattern[$0])] < commonness[Int(pattern[$1])] }!
        let byte = Int32(pattern[anchor])
        let last = bytes.count - pattern.count
        var i = from
        while i <= last {
            guard let found = memchr(base + i + anchor, byte, last - i + 1) else { return nil }
            i = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base - anchor
            if memcmp(base + i, pattern, pattern.count) == 0 { return i }
            i += 1
        }
        return nil
    }

    /// How common each byte is in YAML text, the commonest highest (0 for all the others).
    private static let commonness: [UInt8] = {
        var rank = [UInt8](repeating: 0, count: 256)
        for (index, byte) in " \n-etaoinsrlcmdpu:/.hgy".utf8.enumerated() { rank[Int(byte)] = UInt8(index + 1) }
        return rank.map { $0 == 0 ? 0 : 255 - $0 }
    }()

    /// The 1-based column (in Unicode scalars) of a byte offset: continuation bytes do not count.
    private static func column(ofByte offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        bytes[..<offset].reduce(1) { $0 + (($1 & 0xC0) == 0x80 ? 0 : 1) }
    }
}
