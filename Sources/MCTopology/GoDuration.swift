/// A duration in Go's `time.ParseDuration` form without a sign (`3s`, `1m30s`, `1.5h`, `250ms`,
/// `0`), as Linkerd's Link `probeSpec.period` takes it.
package enum GoDuration {
    /// The duration in seconds, or nil when `text` is not one.
    package static func seconds(_ text: String) -> Double? {
        if text == "0" { return 0 }
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        var total = 0.0
        while !rest.isEmpty {
            let whole = rest.prefix { $0.isASCII && $0.isNumber }
            rest = rest.dropFirst(whole.count)
            var fraction = Substring("")
            if rest.first == "." {
                fraction = rest.dropFirst().prefix { $0.isASCII && $0.isNumber }
                rest = rest.dropFirst(1 + fraction.count)
            }
            guard !whole.isEmpty || !fraction.isEmpty, let amount = Double((whole.isEmpty ? "0" : whole) + "." + (fraction.isEmpty ? "0" : fraction))
            else { return nil }
            // Longer units first, so that "ms" is not read as "m".
            guard let (unit, scale) = units.first(where: { rest.hasPrefix($0.0) }) else { return nil }
            rest = rest.dropFirst(unit.count)
            total += amount * scale
        }
        return total
    }

    private static let units: [(String, Double)] = [
        ("ns", 1e-9), ("us", 1e-6), ("µs", 1e-6), ("μs", 1e-6), ("ms", 1e-3), ("s", 1), ("m", 60), ("h", 3600),
    ]
}
