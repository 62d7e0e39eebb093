/// Unified line diffs (Myers' O(ND) algorithm), as `git diff` prints them with three lines of
/// context.
package enum LineDiff {
    private enum Edit: Equatable {
        case keep(Int, Int)
        case delete(Int)
        case insert(Int)
    }

    /// The hunks turning `old` into `new`, with `---`/`+++` headers; empty when equal.
    package static func unified(old: [Substring], new: [Substring], oldName: String, newName: String, context: Int = 3) -> String {
        let edits = old.isEmpty ? new.indices.map(Edit.insert) : new.isEmpty ? old.indices.map(Edit.delete) : diff(old, new)
        let changed = edits.indices.filter { if case .keep = edits[$0] { false } else { true } }
        guard let first = changed.first else { return "" }
        // Where each edit starts on both sides.
        var positions: [(old: Int, new: Int)] = []
        var o = 0, n = 0
        for edit in edits {
            positions.append((o, n))
            switch edit {
            case .keep: o += 1; n += 1
            case .delete: o += 1
            case .insert: n += 1
            }
        }
        // Changes closer than twice the context share a hunk.
        var groups: [(Int, Int)] = [(first, first)]
        for index in changed.dropFirst() {
            if index - groups[groups.count - 1].1 <= 2 * context { groups[groups.count - 1].1 = index } else { groups.append((index, index)) }
        }
        var out = "--- \(oldName)\n+++ \(newName)\n"
        for (firstChange, lastChange) in groups {
            let start = max(0, firstChange - context)
            let stop = min(edits.count, lastChange + context + 1)
            var oldCount = 0, newCount = 0
            var body = ""
            for edit in edits[start..<stop] {
                switch edit {
                case .keep(let i, _): oldCount += 1; newCount += 1; body += " " + old[i] + "\n"
                case .delete(let i): oldCount += 1; body += "-" + old[i] + "\n"
                case .insert(let j): newCount += 1; body += "+" + new[j] + "\n"
                }
            }
            let at = positions[start]
            out += "@@ -\(range(at.old, oldCount)) +\(range(at.new, newCount)) @@\n" + body
        }
        return out
    }

    /// `start,count` as unified diffs write it: 1-based, the count left out when it is 1, and the
    /// line before for an empty side.
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    /// The shortest edit script (Myers), as keeps, deletions and insertions in order.
    private static func diff(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        let n = a.count, m = b.count
        let max = n + m
        if max == 0 { return [] }
        var v = [Int](repeating: 0, count: 2 * max + 2)
        var trace: [[Int]] = []
        outer: for d in 0...max {
            trace.append(v)
            for k in stride(from: -d, through: d, by: 2) {
                var x: Int
                if k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max]) {
                    x = v[k + 1 + max]
                } else {
                    x = v[k - 1 + max] + 1
                }
                var y = x - k
                while x < n, y < m, a[x] == b[y] {
                    x += 1
                    y += 1
                }
                v[k + max] = x
                if x >= n, y >= m { break outer }
            }
        }
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = (k == -d || (k != d && v[k - 1 + max] < v[k + 1 + max])) ? k + 1 : k - 1
            let previousX = v[previousK + max]
            let previousY = previousX - previousK
            while x > previousX, y > previousY {
                x -= 1
                y -= 1
                edits.append(.keep(x, y))
            }
            if d > 0 {
                if x == previousX { edits.append(.insert(y - 1)) } else { edits.append(.delete(x - 1)) }
            }
            x = previousX
            y = previousY
        }
        return edits.reversed()
    }
}
