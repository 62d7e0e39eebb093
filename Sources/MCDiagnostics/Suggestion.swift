/// Did-you-mean: the closest candidates within a small edit distance (a swap of two neighbours is
/// one edit), and how messages say it. Bounded: candidates whose length alone rules them out are
/// skipped without comparing, and at most `maxCandidates` are compared.
package struct Suggestion: Sendable {
    package static let maxCandidates = 20_000

    /// The likely meant names, closest first (several when they are equally close), at most three.
    package let candidates: [String]
    /// The first of them.
    package var candidate: String? { candidates.first }

    package init(for word: String, among candidates: some Sequence<String>) {
        self.candidates = Self.closestAll(to: word, among: candidates)
    }

    /// No suggestion (past a budget, or where none is wanted).
    package static let none = Suggestion(candidates: [])

    private init(candidates: [String]) {
        self.candidates = candidates
    }

    /// "; did you mean 'x'?" (or "'x' or 'y'"), or the empty string when nothing is close.
    package var didYouMean: String {
        guard !candidates.isEmpty else { return "" }
        return "; did you mean " + candidates.map { "'\($0)'" }.joined(separator: " or ") + "?"
    }

    /// The hint that fixes it with the first candidate (`fix`), or `otherwise` when there is none.
    package func hint(_ fix: (String) -> String, otherwise: String) -> String {
        candidate.map(fix) ?? otherwise
    }

    /// The candidate nearest to `word`, if it is close enough to be a likely typo.
    package static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        closestAll(to: word, among: candidates).first
    }

    private static func closestAll(to word: String, among candidates: some Sequence<String>) -> [String] {
        let target = Array(word.lowercased().unicodeScalars)
        // Names of one or two characters are too short for a guess to mean anything.
        let limit = target.count < 3 ? 0 : max(1, min(3, target.count / 3))
        guard limit > 0 else { return [] }
        var best = limit + 1
        var found: Set<String> = []
        var compared = 0
        for candidate in candidates where candidate != word {
            // The edit distance is at least the difference in length.
            let length = candidate.unicodeScalars.count
            guard abs(length - target.count) <= min(limit, best), compared < maxCandidates else { continue }
            compared += 1
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            guard distance <= limit else { continue }
            if distance < best {
                best = distance
                found = [candidate]
            } else if distance == best {
                found.insert(candidate)
            }
        }
        return Array(found.sorted().prefix(3))
    }

    /// Optimal string alignment distance (a swap of two neighbours counts once).
    static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous2 = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    current[j] = min(current[j], previous2[j - 2] + 1)
                }
            }
            (previous2, previous, current) = (previous, current, previous2)
        }
        return previous[b.count]
    }
}
