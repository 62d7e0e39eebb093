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
            if insideKeyBlock {
                secret.insert(number)
                if line.contains("-----END") { insideKeyBlock = false }
                continue
            }
            if let column = privateKeyBegin(line) {
                findings.append(Finding(line: number, column: column, kind: .privateKey))
                secret.insert(number)
                insideKeyBlock = !line.contains("-----END")
            } else if let column = credentialField(line) {
                findings.append(Finding(line: number, column: column, kind: .credentialField))
                secret.insert(number)
            } else if let column = jsonWebToken(line) {
                findings.append(Finding(line: number, column: column, kind: .jsonWebToken))
                secret.insert(number)
            }
        }
        return (findings, secret)
    }

    /// `-----BEGIN … PRIVATE KEY-----` (PKCS#1, PKCS#8, EC, OpenSSH, encrypted).
    private static func privateKeyBegin(_ line: Substring) -> Int? {
        guard let begin = line.firstRange(of: "-----BEGIN ") else { return nil }
        let rest = line[begin.upperBound...]
        guard let end = rest.firstRange(of: "-----") else { return nil }
        guard rest[..<end.lowerBound].contains("PRIVATE KEY") else { return nil }
        return column(of: begin.lowerBound, in: line)
    }

    /// A kubeconfig credential key (`token`, `client-key-data`, `password`) with a value.
    private static func credentialField(_ line: Substring) -> Int? {
        var rest = line.drop { $0 == " " || $0 == "\t" }
        if rest.hasPrefix("- ") { rest = rest.dropFirst(2).drop { $0 == " " } }
        for key in ["token", "client-key-data", "password"] {
            for quote in ["", "\"", "'"] {
                let prefix = quote + key + quote
                guard rest.hasPrefix(prefix) else { continue }
                var after = rest.dropFirst(prefix.count).drop { $0 == " " || $0 == "\t" }
                guard after.first == ":" else { continue }
                after = after.dropFirst().drop { $0 == " " || $0 == "\t" }
                let value = after.prefix { $0 != "#" }.trimmingSpaces
                guard !value.isEmpty, value != "\"\"", value != "''", value != "null", value != "~" else {
                    continue
                }
                return column(of: rest.startIndex, in: line)
            }
        }
        return nil
    }

    /// `eyJ…` base64url segments separated by dots: a JWT (header.payload.signature).
    private static func jsonWebToken(_ line: Substring) -> Int? {
        var search = line[...]
        while let start = search.firstRange(of: "eyJ") {
            var segments = 1
            var length = 0
            var index = start.lowerBound
            while index != line.endIndex {
                let c = line[index]
                if c == "." {
                    segments += 1
                } else if !(c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_")) {
                    break
                }
                length += 1
                index = line.index(after: index)
            }
            if segments >= 3, length >= 16 { return column(of: start.lowerBound, in: line) }
            search = line[start.upperBound...]
        }
        return nil
    }

    private static func column(of index: Substring.Index, in line: Substring) -> Int {
        line.unicodeScalars.distance(from: line.startIndex, to: index) + 1
    }
}

extension Substring {
    fileprivate var trimmingSpaces: Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return s
    }
}
