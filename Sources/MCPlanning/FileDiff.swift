import MCBasics

/// One file's two sides, kept to write its unified diff when a view asks: a first plan's diffs
/// are the whole render, and held as text they would double its memory.
struct FileDiff: Sendable {
    var old: [UInt8]?
    var new: [UInt8]?
    var path: RelativePath
    /// The rendered folder's path relative to the repository root, for the headers.
    var folder: String

    /// A unified diff, with lines holding secret material shown as `<redacted>`.
    var unified: String {
        if let whole = wholeFile { return whole }
        return LineDiff.unified(
            old: lines(old), new: lines(new),
            oldName: old == nil ? "/dev/null" : "a/\(folder)/\(path)", newName: new == nil ? "/dev/null" : "b/\(folder)/\(path)")
    }

    /// A file added or removed whole, with nothing secret in it, written straight from its
    /// bytes: what `LineDiff` writes for it (one hunk of every line), without splitting it first.
    private var wholeFile: String? {
        guard (old == nil) != (new == nil), let bytes = old ?? new else { return nil }
        let text = String(decoding: bytes, as: UTF8.self)
        guard !SecretMaterial.mightHold(text) else { return nil }
        let mark = old == nil ? UInt8(ascii: "+") : UInt8(ascii: "-")
        var utf8 = text
        return utf8.withUTF8 { bytes in
            // As `Lines.splitOnLineFeeds` counts: a final line feed ends the last line.
            var count = bytes.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            if bytes.last != 0x0A || bytes.isEmpty { count += 1 }
            let range = count == 1 ? "1" : "1,\(count)"
            let header = old == nil ? "--- /dev/null\n+++ b/\(folder)/\(path)\n@@ -0,0 +\(range) @@\n"
                : "--- a/\(folder)/\(path)\n+++ /dev/null\n@@ -\(range) +0,0 @@\n"
            var out: [UInt8] = []
            out.reserveCapacity(header.utf8.count + bytes.count + count + 1)
            out.append(contentsOf: header.utf8)
            var start = 0
            while start < bytes.count {
                let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
                out.append(mark)
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                out.append(0x0A)
                start = end + 1
            }
            if bytes.isEmpty { out += [mark, 0x0A] }
            return String(decoding: out, as: UTF8.self)
        }
    }

    private func lines(_ bytes: [UInt8]?) -> [Substring] {
        guard let bytes else { return [] }
        let text = String(decoding: bytes, as: UTF8.self)
        let lines = Lines.splitOnLineFeeds(text)
        guard SecretMaterial.mightHold(text) else { return lines }
        let secret = SecretMaterial.secretLines(in: lines)
        return secret.isEmpty ? lines : lines.enumerated().map { secret.contains($0.offset + 1) ? "<redacted>" : $0.element }
    }
}
