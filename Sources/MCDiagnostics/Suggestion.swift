/// Did-you-mean: the closest candidate within a small edit distance, and how messages say it.
package struct Suggestion: Sendable {
    /// The likely meant name, if any is close enough.
    package let candidate: String?

    package init(for word: String, among candidates: some Sequence<String>) {
        candidate = Self.closest(to: word, among: candidates)
    }

    /// "; did you mean 'x'?", or the empty string when nothing is close.
    package var didYouMean: String {
        candidate.map { "; did you mean '\($0)'?" } ?? ""
    }

    /// The hint that fixes it with the candidate (`fix`), or `otherwise` when there is none.
    package func hint(_ fix: (String) -> String, otherwise: String) -> String {
        candidate.map(fix) ?? otherwise
    }

    /// The candidate nearest to `word`, if it is close enough to be a likely typo.
    package static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
        let target = Array(word.lowercased().unicodeScalars)
        // Names of one or two characters are too short for a guess to mean anything.
        let limit = target.count < 3 ? 0 : max(1, min(3, target.count / 3))
        var best: (distance: Int, candidate: String)?
        for candidate in candidates where candidate != word {
            let distance = editDistance(target, Array(candidate.lowercased().unicodeScalars))
            guard distance <= limit else { continue }
            if best == nil || distance < best!.distance
                || (distance == best!.distance && candidate < best!.candidate)
            {
                best = (distance, candidate)
            }
        }
        return best?.candidate
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
