/// Files held in memory, for tests: contents by path, and paths that stand for symlinks out.
package struct InMemoryFileSystem: FileSystem {
    package var files: [RelativePath: [UInt8]]
    package var escaping: Set<RelativePath>

    package init(files: [RelativePath: [UInt8]] = [:], escaping: Set<RelativePath> = []) {
        self.files = files
        self.escaping = escaping
    }

    package init(texts: [String: String]) {
        self.init(files: Dictionary(uniqueKeysWithValues: texts.map { (RelativePath($0.key)!, Array($0.value.utf8)) }))
    }

    package func read(_ path: RelativePath, limit: Int) -> FileRead {
        if escaping.contains(path) { return .escapesRoot }
        guard let bytes = files[path] else {
            return files.keys.contains { $0.starts(with: path) } ? .notAFile : .missing
        }
        return bytes.count > limit ? .tooLarge(limit: limit) : .contents(bytes)
    }
}
