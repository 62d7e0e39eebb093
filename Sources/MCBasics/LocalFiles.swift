import Foundation

/// What is at a path, without following a symlink.
package enum FileKind: Sendable { case file, directory, symlink, other }

/// A failure to read or write a local file: the path and what went wrong.
package struct FileError: Error, Sendable, CustomStringConvertible {
    package var message: String

    package init(_ message: String) {
        self.message = message
    }

    package var description: String { message }
}

/// The POSIX operations on absolute paths that the stages share (reads, writes, directory walks),
/// in one place: no stage keeps file-system helpers of its own.
package enum LocalFiles {
    /// The whole content of a regular file, or nil when it cannot be read.
    package static func read(_ path: String) -> [UInt8]? {
        readWithMode(path)?.bytes
    }

    /// A regular file's content and whether any execute bit is set; nil when it cannot be read.
    package static func readWithMode(_ path: String) -> (bytes: [UInt8], executable: Bool)? {
        readWithStatus(path).map { ($0.bytes, $0.status.mode & 0o111 != 0) }
    }

    /// A file's content and its status when it was opened (the index's own modification time,
    /// for one: what is racily clean is judged against the file that was read).
    package static func readWithStatus(_ path: String) -> (bytes: [UInt8], status: FileStatus)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        // Read into the array kept, one byte larger than the size, so that a file that has not
        // grown is read in one call and its end found in the next (a 31 MB index read through a
        // second buffer was held twice).
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
        var filled = 0
        while true {
            if filled == bytes.count { bytes.append(contentsOf: repeatElement(0, count: max(1 << 16, bytes.count))) }
            let count = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0, errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 {
                bytes.removeSubrange(filled...)
                return (bytes, FileStatus(info))
            }
            filled += count
        }
    }

    /// The names in a folder (`.` and `..` left out) with their kinds as the directory itself
    /// records them, which spares a `stat` per entry; nil where the file system does not say.
    package static func entries(_ path: String) throws(FileError) -> [(name: String, kind: FileKind?)] {
        guard let directory = opendir(path) else {
            throw FileError("cannot read the folder '\(path)': \(String(cString: strerror(errno)))")
        }
        defer { closedir(directory) }
        var entries: [(name: String, kind: FileKind?)] = []
        while true {
            errno = 0
            guard let entry = readdir(directory) else {
                guard errno == 0 else { throw FileError("cannot read the folder '\(path)': \(String(cString: strerror(errno)))") }
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

    /// What is at `path`, without following a symlink; nil when nothing is.
    package static func kind(_ path: String) -> FileKind? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return .file
        case S_IFDIR: return .directory
        case S_IFLNK: return .symlink
        default: return .other
        }
    }

    /// Creates `file` (replacing a leftover one) with exactly `bytes`.
    package static func writeNew(_ bytes: [UInt8], to file: String) throws(FileError) {
        try writeNew(to: file) { (write: (UnsafeRawBufferPointer) throws(FileError) -> Void) throws(FileError) in
            try bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(FileError) -> Void in
                try write(UnsafeRawBufferPointer(buffer))
            }
        }
    }

    /// Creates `file` anew and lets `body` write it piece by piece; when writing fails (in `body`
    /// or here), the file is removed and the error thrown. Only a regular file is replaced: a
    /// symlink, device or folder at the path (`--out /dev/stdout`) is refused, never removed.
    package static func writeNew(
        to file: String, _ body: ((UnsafeRawBufferPointer) throws(FileError) -> Void) throws(FileError) -> Void
    ) throws(FileError) {
        // Created at once where nothing is there (a first apply creates tens of thousands);
        // what is there is looked at only when creating finds it.
        var descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == EEXIST, let existing = kind(file) {
            guard existing == .file else { throw FileError("'\(file)' is not a regular file (nothing was written to it)") }
            unlink(file)
            descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw FileError("cannot create '\(file)': \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        do throws(FileError) {
            try body { (bytes: UnsafeRawBufferPointer) throws(FileError) in
                var offset = 0
                while offset < bytes.count {
                    let count = Glibc.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                    if count < 0, errno == EINTR { continue }
                    guard count > 0 else { throw FileError("cannot write '\(file)': \(String(cString: strerror(count < 0 ? errno : EIO)))") }
                    offset += count
                }
            }
        } catch {
            unlink(file)
            throw error
        }
    }

    /// Removes a file, or a folder with everything in it.
    package static func remove(_ path: String) throws(FileError) {
        do {
            try FileManager.default.removeItem(atPath: path)
        } catch {
            throw FileError("cannot remove '\(path)': \(error.localizedDescription)")
        }
    }

    /// Creates one folder, unless it exists already.
    package static func createDirectory(_ path: String) throws(FileError) {
        guard kind(path) != .directory else { return }
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        } catch {
            throw FileError("cannot create '\(path)': \(error.localizedDescription)")
        }
    }

    /// Renames `from` onto `to` (atomic on one file system).
    package static func rename(_ from: String, to: String) throws(FileError) {
        guard Glibc.rename(from, to) == 0 else {
            let reason = String(cString: strerror(errno))
            throw FileError("cannot rename into '\(to)': \(reason)")
        }
    }

    /// The canonical path (symlinks resolved), or nil when it cannot be resolved.
    package static func realpath(_ path: String) -> String? {
        guard let resolved = Foundation.realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}

extension LocalFiles {
    /// Makes `link` a second name of `file`; false when `link` exists already (atomic, as
    /// `O_EXCL` is), throws on any other failure.
    package static func hardLink(_ file: String, as link: String) throws(FileError) -> Bool {
        guard Glibc.link(file, link) == 0 else {
            if errno == EEXIST { return false }
            throw FileError("cannot create '\(link)': \(String(cString: strerror(errno)))")
        }
        return true
    }

    /// Creates `file` with exactly `bytes` only if nothing is there (`O_EXCL`); false when
    /// something is.
    package static func createExclusive(_ bytes: [UInt8], at file: String) throws(FileError) -> Bool {
        let descriptor = open(file, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            if errno == EEXIST { return false }
            throw FileError("cannot create '\(file)': \(String(cString: strerror(errno)))")
        }
        defer { close(descriptor) }
        let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
        guard written == bytes.count else {
            unlink(file)
            throw FileError("cannot write '\(file)': \(String(cString: strerror(errno)))")
        }
        return true
    }

    /// Removes a file if it is there; false when it was not.
    @discardableResult
    package static func removeFile(_ path: String) throws(FileError) -> Bool {
        guard unlink(path) == 0 else {
            if errno == ENOENT { return false }
            throw FileError("cannot remove '\(path)': \(String(cString: strerror(errno)))")
        }
        return true
    }
}
