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

    static func firstDifference(_ expected: String, _ actual: String) -> String {
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

extension Golden {
    /// Compares a whole tree of files (relative path → bytes) with a golden folder. Nil when equal;
    /// with `RECORD_GOLDENS=1` the folder is replaced by the tree and the mismatch still reported.
    package static func mismatch(tree: [String: [UInt8]], golden folder: String) -> String? {
        let expected = readTree(folder)
        if expected == tree { return nil }
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try? FileManager.default.removeItem(atPath: folder)
            for (path, bytes) in tree {
                let full = folder + "/" + path
                try? FileManager.default.createDirectory(
                    atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                _ = FileManager.default.createFile(atPath: full, contents: Data(bytes))
            }
            return "recorded \(folder); review it and run again"
        }
        let missing = Set(expected.keys).subtracting(tree.keys).sorted()
        let extra = Set(tree.keys).subtracting(expected.keys).sorted()
        let differing = tree.keys.filter { expected[$0] != nil && expected[$0] != tree[$0] }.sorted()
        var report = "tree differs from \(folder):"
        if !missing.isEmpty { report += "\n  missing: \(missing)" }
        if !extra.isEmpty { report += "\n  unexpected: \(extra)" }
        for path in differing.prefix(3) {
            report += "\n  \(path): " + firstDifference(String(decoding: expected[path]!, as: UTF8.self), String(decoding: tree[path]!, as: UTF8.self))
        }
        return report
    }

    /// Every file under `folder` (hidden ones included) by relative path.
    package static func readTree(_ folder: String) -> [String: [UInt8]] {
        var files: [String: [UInt8]] = [:]
        guard let walker = FileManager.default.enumerator(atPath: folder) else { return files }
        while let relative = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let full = folder + "/" + relative
            if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue,
               let data = FileManager.default.contents(atPath: full) {
                files[relative] = [UInt8](data)
            }
        }
        return files
    }
}
