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
        let oldName = old == nil ? "/dev/null" : "a/\(folder)/\(path)", newName = new == nil ? "/dev/null" : "b/\(folder)/\(path)"
        // A file added or removed whole (a first plan's every file) is written from its bytes;
        // it is split into lines only to look for secrets when it holds a word they start from.
        if old == nil || new == nil, let whole = old ?? new {
            let secret = SecretMaterial.mightHold(whole)
                ? SecretMaterial.secretLines(in: Lines.splitOnLineFeeds(String(decoding: whole, as: UTF8.self))) : []
            return LineDiff.unified(whole: whole, added: new != nil, redacting: secret, oldName: oldName, newName: newName)
        }
        return LineDiff.unified(
            old: lines(old), new: lines(new), oldName: oldName, newName: newName)
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
