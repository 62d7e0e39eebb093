import MCTopology

/// The malformed-value checks of SPEC §2 (MC108): ports, durations, paths, addresses, quantities.
enum ValueFormat {
    static func isPort(_ value: Int) -> Bool { (1...65535).contains(value) }

    /// Go's `time.ParseDuration` form without a sign: `3s`, `1m30s`, `1.5h`, `250ms`, or `0`.
    static func isDuration(_ text: String) -> Bool {
        if text == "0" { return true }
        var rest = Substring(text)
        guard !rest.isEmpty else { return false }
        while !rest.isEmpty {
            let whole = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(whole.count)
            var fraction = Substring("")
            if rest.first == "." {
                fraction = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
                rest = rest.dropFirst(1 + fraction.count)
            }
            guard !whole.isEmpty || !fraction.isEmpty else { return false }
            guard let unit = ["ns", "us", "µs", "μs", "ms", "s", "m", "h"].first(where: { rest.hasPrefix($0) })
            else { return false }
            // "ms" before "m" and "s": the list is ordered so that the longest unit matches first.
            rest = rest.dropFirst(unit.count)
        }
        return true
    }

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
