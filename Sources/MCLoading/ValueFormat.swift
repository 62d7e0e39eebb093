import MCTopology

/// The malformed-value checks of docs/diagnostics.md (MC108): ports, durations, paths, addresses, quantities.
enum ValueFormat {
    static func isPort(_ value: Int) -> Bool { (1...65535).contains(value) }

    /// Go's `time.ParseDuration` form without a sign: `3s`, `1m30s`, `1.5h`, `250ms`, or `0`.
    static func isDuration(_ text: String) -> Bool { GoDuration.seconds(text) != nil }

    /// An HTTP path: starts with `/`, no whitespace or control characters.
    static func isProbePath(_ text: String) -> Bool {
        text.hasPrefix("/") && !text.unicodeScalars.contains { $0.properties.isWhitespace || $0.value < 0x20 }
    }

    /// An IPv4 address, an IPv6 address without brackets, or a DNS-1123 subdomain.
    static func isGatewayAddress(_ text: String) -> Bool {
        if text.contains(":") { return isIPv6(text) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
            return isIPv4(text)
        }
        return NameFormat.isDNS1123Subdomain(text)
    }

    /// "a loopback address", "the unspecified address" or "a link-local address" for a literal
    /// IP address no other cluster can reach; nil for any other text.
    static func unreachableAddressKind(_ text: String) -> String? {
        if isIPv4(text) {
            let octets = text.split(separator: ".").compactMap { Int($0) }
            if octets[0] == 127 { return "a loopback address" }
            if octets.allSatisfy({ $0 == 0 }) { return "the unspecified address" }
            if octets[0] == 169, octets[1] == 254 { return "a link-local address" }
            return nil
        }
        guard text.contains(":"), isIPv6(text), let groups = ipv6Groups(text) else { return nil }
        if groups == [0, 0, 0, 0, 0, 0, 0, 1] { return "a loopback address" }
        if groups.allSatisfy({ $0 == 0 }) { return "the unspecified address" }
        if groups[0] & 0xFFC0 == 0xFE80 { return "a link-local address" }
        if groups[0...4].allSatisfy({ $0 == 0 }), groups[5] == 0xFFFF {
            return unreachableAddressKind(mappedIPv4(groups))
        }
        return nil
    }

    /// The eight 16-bit groups of a valid IPv6 address (an embedded IPv4 tail counts as two).
    private static func ipv6Groups(_ text: String) -> [Int]? {
        func parse(_ part: Substring) -> [Int]? {
            guard !part.isEmpty else { return [] }
            var groups: [Int] = []
            for piece in part.split(separator: ":", omittingEmptySubsequences: false) {
                if piece.contains(".") {
                    let octets = piece.split(separator: ".").compactMap { Int($0) }
                    guard octets.count == 4 else { return nil }
                    groups += [octets[0] << 8 | octets[1], octets[2] << 8 | octets[3]]
                } else {
                    guard let value = Int(piece, radix: 16) else { return nil }
                    groups.append(value)
                }
            }
            return groups
        }
        let halves = text.components(separatedBy: "::")
        guard halves.count <= 2, let head = parse(Substring(halves[0])) else { return nil }
        guard halves.count == 2 else { return head.count == 8 ? head : nil }
        guard let tail = parse(Substring(halves[1])), head.count + tail.count <= 7 else { return nil }
        return head + Array(repeating: 0, count: 8 - head.count - tail.count) + tail
    }

    /// The IPv4 address an IPv4-mapped IPv6 address (`::ffff:a.b.c.d`) stands for.
    private static func mappedIPv4(_ groups: [Int]) -> String {
        "\(groups[6] >> 8).\(groups[6] & 0xFF).\(groups[7] >> 8).\(groups[7] & 0xFF)"
    }

    static func isIPv4(_ text: String) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 4 && parts.allSatisfy { part in
            guard (1...3).contains(part.count), part.allSatisfy({ $0.isASCII && $0.isNumber }),
                  let value = Int(part), value <= 255 else { return false }
            return part.count == 1 || part.first != "0"
        }
    }

    static func isIPv6(_ text: String) -> Bool {
        var body = Substring(text)
        var groupsAvailable = 8
        if let lastColon = body.lastIndex(of: ":"), body[body.index(after: lastColon)...].contains(".") {
            guard isIPv4(String(body[body.index(after: lastColon)...])) else { return false }
            body = body[...lastColon]
            if !body.hasSuffix("::") { body = body.dropLast() }
            groupsAvailable = 6
        }
        let halves = body.components(separatedBy: "::")
        guard halves.count <= 2 else { return false }
        func groups(_ part: Substring) -> [Substring]? {
            if part.isEmpty { return [] }
            let items = part.split(separator: ":", omittingEmptySubsequences: false)
            let valid = items.allSatisfy { (1...4).contains($0.count) && $0.allSatisfy(\.isHexDigit) }
            return valid ? items : nil
        }
        guard let head = groups(halves[0]) else { return false }
        if halves.count == 1 { return head.count == groupsAvailable }
        guard let tail = groups(halves[1]) else { return false }
        return head.count + tail.count < groupsAvailable
    }

    /// An integer or an integer followed by `m` (milli), optionally signed; nil when malformed.
    static func quantity(_ text: String) -> Weight? {
        var digits = Substring(text)
        let isMilli = digits.last == "m"
        if isMilli { digits = digits.dropLast() }
        var sign = 1
        if digits.first == "-" || digits.first == "+" {
            sign = digits.first == "-" ? -1 : 1
            digits = digits.dropFirst()
        }
        guard !digits.isEmpty, digits.count <= 18, digits.allSatisfy({ $0.isASCII && $0.isNumber }),
              let amount = Int(digits) else { return nil }
        return Weight(amount: sign * amount, isMilli: isMilli)
    }
}

extension Substring {
    fileprivate func components(separatedBy separator: String) -> [Substring] {
        var result: [Substring] = []
        var rest = self
        while let range = rest.firstRange(of: separator) {
            result.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        result.append(rest)
        return result
    }
}
