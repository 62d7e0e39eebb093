import Foundation

/// Golden files: the expected output kept beside the tests. With `RECORD_GOLDENS=1` a mismatch
/// rewrites the file and still fails, so a recording is never mistaken for a pass; CI never records.
package enum Golden {
    /// Nil when `actual` equals the golden; otherwise what differs (and the file is rewritten when
    /// recording).
    package static func mismatch(_ actual: String, golden path: String) -> String? {
        let expected = try? String(contentsOfFile: path, encoding: .utf8)
        if expected == actual { return nil }
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try? actual.write(toFile: path, atomically: true, encoding: .utf8)
            return "recorded \(path); review it and run again"
        }
        guard let expected else { return "missing golden \(path) (run with RECORD_GOLDENS=1 to record it)" }
        return "output differs from \(path):\n" + firstDifference(expected, actual)
    }

    private static func firstDifference(_ expected: String, _ actual: String) -> String {
        let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(e.count, a.count) {
            let el = i < e.count ? String(e[i]) : "<end>"
            let al = i < a.count ? String(a[i]) : "<end>"
            if el != al { return "line \(i + 1):\n  expected: \(el)\n  actual:   \(al)" }
        }
        return "(difference in line endings)"
    }
}
