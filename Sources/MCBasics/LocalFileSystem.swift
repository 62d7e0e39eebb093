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
        // Opened without blocking and checked before reading: a FIFO or a device named by a
        // `file:` must not hang the run or stream for ever.
        let descriptor = open(resolved, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else {
            return errno == EACCES ? .unreadable("permission denied") : .unreadable(String(cString: strerror(errno)))
        }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .unreadable(String(cString: strerror(errno))) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .notAFile }
        guard Int(info.st_size) <= limit else { return .tooLarge(limit: limit) }
        var bytes = [UInt8](repeating: 0, count: limit + 1)
        var total = 0
        while total < bytes.count {
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + total, $0.count - total) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return .unreadable(String(cString: strerror(errno))) }
            if count == 0 { break }
            total += count
        }
        return total > limit ? .tooLarge(limit: limit) : .contents(Array(bytes[..<total]))
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
