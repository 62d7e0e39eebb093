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
        // Written as bytes: a first plan's diffs are every line of the render.
        var out: [UInt8] = []
        out.append(contentsOf: "--- \(oldName)\n+++ \(newName)\n".utf8)
        func line(_ mark: UInt8, _ text: Substring) {
            out.append(mark)
            var text = text
            text.withUTF8 { out.append(contentsOf: $0) }
            out.append(UInt8(ascii: "\n"))
        }
        func hunk(_ at: (old: Int, new: Int), _ oldCount: Int, _ newCount: Int) {
            out.append(contentsOf: "@@ -\(range(at.old, oldCount)) +\(range(at.new, newCount)) @@\n".utf8)
        }
        // A file added or removed whole is one hunk of every line: no edit script needed.
        if old.isEmpty || new.isEmpty {
            guard old.count + new.count > 0 else { return "" }
            out.reserveCapacity(out.count + (old.count + new.count) * 48 + 32)
            hunk((0, 0), old.count, new.count)
            for text in old { line(UInt8(ascii: "-"), text) }
            for text in new { line(UInt8(ascii: "+"), text) }
            return String(decoding: out, as: UTF8.self)
        }
        let edits = diff(old, new)
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
        for (firstChange, lastChange) in groups {
            let start = max(0, firstChange - context)
            let stop = min(edits.count, lastChange + context + 1)
            var oldCount = 0, newCount = 0
            for edit in edits[start..<stop] {
                switch edit {
                case .keep: oldCount += 1; newCount += 1
                case .delete: oldCount += 1
                case .insert: newCount += 1
                }
            }
            hunk(positions[start], oldCount, newCount)
            for edit in edits[start..<stop] {
                switch edit {
                case .keep(let i, _): line(UInt8(ascii: " "), old[i])
                case .delete(let i): line(UInt8(ascii: "-"), old[i])
                case .insert(let j): line(UInt8(ascii: "+"), new[j])
                }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `unified(old:new:…)` of a file added (or removed) whole, from its bytes: the lines are
    /// those `Lines.splitOnLineFeeds` gives (a last line without a line feed counts, an empty file
    /// is one empty line), each marked, in one hunk; those numbered in `redacting` (from 1) read
    /// `<redacted>`.
    package static func unified(whole bytes: [UInt8], added: Bool, redacting secret: Set<Int> = [], oldName: String, newName: String) -> String {
        let newline = UInt8(ascii: "\n")
        let mark = added ? UInt8(ascii: "+") : UInt8(ascii: "-")
        return bytes.withUnsafeBufferPointer { bytes in
            var feeds = 0
            for byte in bytes where byte == newline { feeds += 1 }
            let lines = feeds + (bytes.last == newline ? 0 : 1)
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + lines + oldName.utf8.count + newName.utf8.count + 48)
            out.append(contentsOf: "--- \(oldName)\n+++ \(newName)\n".utf8)
            out.append(contentsOf: "@@ -\(range(0, added ? 0 : lines)) +\(range(0, added ? lines : 0)) @@\n".utf8)
            var start = 0
            var number = 0
            func line(_ text: Slice<UnsafeBufferPointer<UInt8>>) {
                number += 1
                out.append(mark)
                if secret.contains(number) { out.append(contentsOf: redacted) } else { out.append(contentsOf: UnsafeBufferPointer(rebasing: text)) }
                out.append(newline)
            }
            for index in bytes.indices where bytes[index] == newline {
                line(bytes[start..<index])
                start = index + 1
            }
            if start < bytes.count || feeds == 0 { line(bytes[start...]) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private static let redacted = Array("<redacted>".utf8)

    /// `start,count` as unified diffs write it: 1-based, the count left out when it is 1, and the
    /// line before for an empty side.
    private static func range(_ start: Int, _ count: Int) -> String {
        count == 0 ? "\(start),0" : count == 1 ? "\(start + 1)" : "\(start + 1),\(count)"
    }

    /// The edit distance past which the script is no longer the shortest: what is left after the
    /// common lines at the start is then shown as removed and added whole. Bounds the search's
    /// time by (lines × this) and its memory by this squared, whatever the files.
    static let maximumDistance = 2_000

    /// The shortest edit script (Myers), as keeps, deletions and insertions in order; past
    /// `maximumDistance`, the common first and last lines kept and the middle replaced whole.
    private static func diff(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        let n = a.count, m = b.count
        let max = n + m
        if max == 0 { return [] }
        var v = [Int](repeating: 0, count: 2 * max + 2)
        // Each step's furthest points, only the diagonals -d...d it reached: the trace grows with
        // the distance squared, not with the distance times the files' length.
        var trace: [[Int]] = []
        var found = false
        outer: for d in 0...Swift.min(max, maximumDistance) {
            trace.append(d == 0 ? [] : Array(v[(max - d + 1)...(max + d - 1)]))
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
                if x >= n, y >= m {
                    found = true
                    break outer
                }
            }
        }
        guard found else { return replacingMiddle(a, b) }
        var edits: [Edit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            // The furthest x on diagonal k after step d - 1 (recorded for -(d-1)...(d-1)).
            func before(_ k: Int) -> Int { trace[d][k + d - 1] }
            let k = x - y
            let previousK = (k == -d || (k != d && before(k - 1) < before(k + 1))) ? k + 1 : k - 1
            let previousX = d == 0 ? 0 : before(previousK)
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

    /// The common lines at the start and at the end kept, everything between removed and added.
    private static func replacingMiddle(_ a: [Substring], _ b: [Substring]) -> [Edit] {
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] { suffix += 1 }
        var edits = (0..<prefix).map { Edit.keep($0, $0) }
        edits += (prefix..<(a.count - suffix)).map(Edit.delete)
        edits += (prefix..<(b.count - suffix)).map(Edit.insert)
        edits += (0..<suffix).map { Edit.keep(a.count - suffix + $0, b.count - suffix + $0) }
        return edits
    }
}
