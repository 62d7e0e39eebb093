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
        LineDiff.unified(
            old: lines(old), new: lines(new),
            oldName: old == nil ? "/dev/null" : "a/\(folder)/\(path)", newName: new == nil ? "/dev/null" : "b/\(folder)/\(path)")
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
