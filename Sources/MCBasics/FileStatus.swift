import Foundation

/// What `lstat` says about a file, as git's index records it: a work-tree file whose status still
/// matches its index entry is known unchanged without being read.
package struct FileStatus: Sendable, Equatable {
    package var changeSeconds: Int64
    package var changeNanoseconds: Int32
    package var modificationSeconds: Int64
    package var modificationNanoseconds: Int32
    package var device: UInt64
    package var inode: UInt64
    package var mode: UInt32
    package var user: UInt32
    package var group: UInt32
    package var size: Int64

    /// The status of `path` (not following a symlink), or nil when nothing is there.
    package init?(_ path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// What `stat`, `fstat` or `lstat` said.
    package init(_ info: stat) {
        changeSeconds = Int64(info.st_ctim.tv_sec)
        changeNanoseconds = Int32(info.st_ctim.tv_nsec)
        modificationSeconds = Int64(info.st_mtim.tv_sec)
        modificationNanoseconds = Int32(info.st_mtim.tv_nsec)
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        mode = UInt32(info.st_mode)
        user = UInt32(info.st_uid)
        group = UInt32(info.st_gid)
        size = Int64(info.st_size)
    }
}

/// An exclusive advisory lock (`flock`) on a folder, held until `release` or the process ends:
/// the kernel drops it when its holder dies, so a crashed holder never leaves it behind.
package final class FolderLock: @unchecked Sendable {
    private var descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    /// The lock on `folder`, or nil when another process holds it (never waits).
    package static func acquire(_ folder: String) throws(FileError) -> FolderLock? {
        let descriptor = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw FileError("cannot open '\(folder)' to lock it: \(String(cString: strerror(errno)))") }
        guard flock(descriptor, LOCK_EX | LOCK_NB) == 0 else {
            let failure = errno
            close(descriptor)
            if failure == EWOULDBLOCK { return nil }
            throw FileError("cannot lock '\(folder)': \(String(cString: strerror(failure)))")
        }
        return FolderLock(descriptor: descriptor)
    }

    package func release() {
        guard descriptor >= 0 else { return }
        close(descriptor)
        descriptor = -1
    }

    deinit { release() }
}
