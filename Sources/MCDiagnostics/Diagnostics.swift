/// Collects diagnostics from every stage; the run stops only after all were gathered. What it
/// keeps is bounded whatever the input: at most `perCode` of one code and `total` in all; the
/// rest are counted by code, so that views can say how many more there were.
package struct Diagnostics: Sendable {
    package static let perCode = 100
    package static let total = 1_000

    package private(set) var all: [Diagnostic] = []
    /// Diagnostics left out by the bounds, by code.
    package private(set) var omitted: [DiagnosticCode: Int] = [:]
    private var kept: [DiagnosticCode: Int] = [:]

    package init() {}

    package mutating func append(_ diagnostic: Diagnostic) {
        let code = diagnostic.code
        guard kept[code, default: 0] < Self.perCode, all.count < Self.total else {
            omitted[code, default: 0] += 1
            return
        }
        kept[code, default: 0] += 1
        all.append(diagnostic)
    }

    package mutating func append(contentsOf other: [Diagnostic]) {
        for diagnostic in other { append(diagnostic) }
    }

    /// Diagnostics another collector left out, by code.
    package mutating func countOmitted(_ other: [DiagnosticCode: Int]) {
        for (code, count) in other { omitted[code, default: 0] += count }
    }

    /// Another collector's diagnostics and what it left out.
    package mutating func append(contentsOf other: Diagnostics) {
        append(contentsOf: other.all)
        for (code, count) in other.omitted { omitted[code, default: 0] += count }
    }

    /// Every kept diagnostic changed by `transform` (bounds and counts stay).
    package mutating func replaceAll(_ transform: (Diagnostic) -> Diagnostic) {
        all = all.map(transform)
    }

    package var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Sorted by file and position, without exact repeats.
    package var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.sorted().filter { seen.insert($0).inserted }
    }

    /// What was left out, in code order.
    package var omittedCounts: [(code: DiagnosticCode, count: Int)] {
        omitted.keys.sorted().map { ($0, omitted[$0]!) }
    }
}
