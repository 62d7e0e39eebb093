/// Collects diagnostics from every stage; the run stops only after all were gathered.
package struct Diagnostics: Sendable {
    package private(set) var all: [Diagnostic] = []

    package init() {}

    package mutating func append(_ diagnostic: Diagnostic) { all.append(diagnostic) }

    package mutating func append(contentsOf other: [Diagnostic]) { all.append(contentsOf: other) }

    package var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Sorted by file and position, without exact repeats.
    package var sorted: [Diagnostic] {
        var seen = Set<Diagnostic>()
        return all.sorted().filter { seen.insert($0).inserted }
    }
}
