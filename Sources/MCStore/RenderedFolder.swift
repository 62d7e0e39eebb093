import Foundation
import MCFiles
import MCRendering

/// What writing the folder did.
package struct FolderWriteSummary: Sendable, Equatable {
    /// Files that did not exist before.
    package var created: [RelativePath] = []
    /// Files whose content was replaced.
    package var updated: [RelativePath] = []
    package var removed: [RelativePath] = []
    package var unchanged = 0

    package var changed: Bool { !created.isEmpty || !updated.isEmpty || !removed.isEmpty }
}

/// The rendered folder on disk, owned entirely by the tool.
package struct RenderedFolder {
    /// Absolute path of the folder.
    package let path: String

    package init(path: String) {
        self.path = path
    }

    /// Every regular file under the folder by relative path, the symlinks found (never followed),
    /// and whether some folder under it holds nothing. The files are read on all cores once the
    /// walk has found them: a large mesh has tens of thousands.
    func snapshot() throws -> (files: [RelativePath: [UInt8]], symlinks: [RelativePath], hasEmptyFolder: Bool) {
        var found: [RelativePath] = []
        var symlinks: [RelativePath] = []
        var hasEmptyFolder = false
        guard let kind = fileKind(path) else { return ([:], symlinks, false) }
        guard kind == .directory else { throw StoreError("'\(path)' is not a folder") }
        func walk(_ relative: [String]) throws {
            let full = ([path] + relative).joined(separator: "/")
            let entries = try directoryEntries(full).sorted { $0.name < $1.name }
            if entries.isEmpty, !relative.isEmpty { hasEmptyFolder = true }
            for (name, entryKind) in entries {
                let child = relative + [name]
                switch entryKind ?? fileKind(full + "/" + name) {
                case .directory: try walk(child)
                case .file: found.append(RelativePath(components: child))
                case .symlink, .other, nil: symlinks.append(RelativePath(components: child))
                }
            }
        }
        try walk([])
        let root = path
        let paths = found
        let contents = Parallel.map(paths.count) { readFile(root + "/" + paths[$0].string) }
        var files: [RelativePath: [UInt8]] = [:]
        files.reserveCapacity(found.count)
        for (relative, bytes) in zip(found, contents) {
            guard let bytes else { throw StoreError("cannot read '\(path)/\(relative)'") }
            files[relative] = bytes
        }
        return (files, symlinks, hasEmptyFolder)
    }

    /// Makes the folder hold exactly `tree`'s files.
    package func replace(with tree: RenderedTree) throws -> FolderWriteSummary {
        let (existing, strays, hasEmptyFolder) = try snapshot()
        var summary = FolderWriteSummary()
        try createDirectory(path)
        let wanted = Set(tree.files.map(\.path))
        // Symlinks and other non-files are removed first, so nothing is ever written through them.
        for stray in strays {
            try remove(stray)
            if !wanted.contains(stray) { summary.removed.append(stray) }
        }
        for file in tree.files {
            if existing[file.path] == file.bytes, !strays.contains(file.path) {
                summary.unchanged += 1
                continue
            }
            try write(file.bytes, to: file.path)
            if existing[file.path] == nil { summary.created.append(file.path) } else { summary.updated.append(file.path) }
        }
        for relative in existing.keys.filter({ !wanted.contains($0) }).sorted() {
            try remove(relative)
            summary.removed.append(relative)
        }
        if hasEmptyFolder || !strays.isEmpty || !summary.removed.isEmpty { try removeEmptyDirectories() }
        summary.removed.sort()
        return summary
    }

    /// Writes through a temporary file in the same folder and renames it into place, so a crash
    /// leaves the old file or the new one, never a truncated one.
    private func write(_ bytes: [UInt8], to relative: RelativePath) throws {
        var folder = path
        for component in relative.components.dropLast() {
            folder += "/" + component
            switch fileKind(folder) {
            case .directory: continue
            case nil: break
            default: try removeItem(folder)
            }
            try createDirectory(folder)
        }
        let target = path + "/" + relative.string
        if fileKind(target) == .directory { try removeItem(target) }
        let temporary = folder + "/.\(relative.components.last!).mcapply-\(getpid()).tmp"
        try writeNew(bytes, to: temporary)
        guard rename(temporary, target) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw StoreError("cannot rename into '\(target)': \(reason)")
        }
    }

    /// Creates `file` (replacing a leftover temporary file) with exactly `bytes`.
    private func writeNew(_ bytes: [UInt8], to file: String) throws {
        unlink(file)
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw StoreError("cannot create '\(file)': \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else {
                let reason = String(cString: strerror(errno))
                unlink(file)
                throw StoreError("cannot write '\(file)': \(reason)")
            }
            offset += count
        }
    }

    private func remove(_ relative: RelativePath) throws {
        try removeItem(path + "/" + relative.string)
    }

    private func removeItem(_ full: String) throws {
        do {
            try FileManager.default.removeItem(atPath: full)
        } catch {
            throw StoreError("cannot remove '\(full)': \(error.localizedDescription)")
        }
    }

    private func createDirectory(_ full: String) throws {
        guard fileKind(full) != .directory else { return }
        do {
            try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: false)
        } catch {
            throw StoreError("cannot create '\(full)': \(error.localizedDescription)")
        }
    }

    /// Folders left empty by removals go too (the folder itself stays).
    private func removeEmptyDirectories() throws {
        func prune(_ full: String) throws -> Bool {
            var empty = true
            for name in try FileManager.default.contentsOfDirectory(atPath: full) {
                let child = full + "/" + name
                if fileKind(child) == .directory, try prune(child) {
                    try removeItem(child)
                } else {
                    empty = false
                }
            }
            return empty
        }
        _ = try prune(path)
    }
}

/// The whole content of a regular file, or nil when it cannot be read.
func readFile(_ path: String) -> [UInt8]? {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    // One byte more than the size, so that a file that has not grown is read in one call.
    var buffer = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
    var bytes: [UInt8] = []
    while true {
        let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0, errno == EINTR { continue }
        guard count >= 0 else { return nil }
        if count == 0 { return bytes }
        bytes.append(contentsOf: buffer[..<count])
    }
}

/// The names in a folder (`.` and `..` left out) with their kinds as the directory itself records
/// them, which spares a `stat` per entry; nil where the file system does not say.
func directoryEntries(_ path: String) throws -> [(name: String, kind: FileKind?)] {
    guard let directory = opendir(path) else {
        throw StoreError("cannot read the folder '\(path)': \(String(cString: strerror(errno)))")
    }
    defer { closedir(directory) }
    var entries: [(name: String, kind: FileKind?)] = []
    while true {
        errno = 0
        guard let entry = readdir(directory) else {
            guard errno == 0 else { throw StoreError("cannot read the folder '\(path)': \(String(cString: strerror(errno)))") }
            return entries
        }
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        guard name != ".", name != ".." else { continue }
        let kind: FileKind? = switch Int32(entry.pointee.d_type) {
        case Int32(DT_REG): .file
        case Int32(DT_DIR): .directory
        case Int32(DT_LNK): .symlink
        case Int32(DT_UNKNOWN): nil
        default: .other
        }
        entries.append((name, kind))
    }
}

enum FileKind { case file, directory, symlink, other }

/// What is at `path`, without following a symlink.
func fileKind(_ path: String) -> FileKind? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .directory
    case S_IFLNK: return .symlink
    default: return .other
    }
}
