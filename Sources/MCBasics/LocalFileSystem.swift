import Foundation

/// The real file system under `root`.
package struct LocalFileSystem: FileSystem {
    package let root: String

    package init(root: String) {
        self.root = root
    }

    package func read(_ path: RelativePath, limit: Int) -> FileRead {
        let full = root + "/" + path.string
        guard let resolvedRoot = realpath(root) else { return .unreadable("its folder cannot be resolved") }
        guard FileManager.default.fileExists(atPath: full) else {
            return isDanglingLink(full) ? .escapesRoot : .missing
        }
        guard let resolved = realpath(full) else { return .unreadable("it cannot be resolved") }
        guard resolved == resolvedRoot || resolved.hasPrefix(resolvedRoot == "/" ? "/" : resolvedRoot + "/") else {
            return .escapesRoot
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
            return .notAFile
        }
        guard let handle = FileHandle(forReadingAtPath: resolved) else { return .unreadable("permission denied") }
        defer { try? handle.close() }
        do {
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            return data.count > limit ? .tooLarge(limit: limit) : .contents([UInt8](data))
        } catch {
            return .unreadable(String(describing: error))
        }
    }

    private func isDanglingLink(_ path: String) -> Bool {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
    }

    private func realpath(_ path: String) -> String? {
        guard let resolved = Foundation.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
