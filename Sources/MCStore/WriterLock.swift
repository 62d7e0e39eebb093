import Foundation
import MCBasics

/// A commit mcapply made whose work tree and index it had not yet brought along when it stopped
/// (a crash, a full disk): the next run knows the folder's mixed state as its own.
package struct PendingApply: Sendable, Equatable {
    package var folder: RelativePath
    /// The branch's tip before the commit (nil: it had none).
    package var from: CommitID?
    package var to: CommitID

    package init(folder: RelativePath, from: CommitID?, to: CommitID) {
        self.folder = folder
        self.from = from
        self.to = to
    }
}

/// The one-writer lock mcapply holds for a whole run, and the note of an apply in progress.
package protocol WriterLock: AnyObject, Sendable {
    /// What a run that stopped early left in progress, if anything.
    var pending: PendingApply? { get }
    /// Notes `pending` (nil: nothing is in progress), replacing the note atomically.
    func record(_ pending: PendingApply?) throws(RepositoryError)
    /// Lets the next writer in.
    func release()
}

/// Why the lock could not be taken: someone else is writing.
package enum LockHolder: Sendable, Equatable {
    /// Another mcapply (it holds the advisory lock on this path).
    case mcapply(path: String)
    /// Another git process, or one that crashed, holds this lock file.
    case git(lockFile: String)
}

/// Taking the writer lock: held, or who holds it.
package enum LockAttempt: Sendable {
    case acquired(any WriterLock)
    case held(LockHolder)
}

/// The writer lock of a git work tree, in git's own discipline so git commands wait for it too:
///
/// 1. an advisory `flock` on the repository's folder (`.git`, or the worktree's): the kernel
///    drops it when a run dies, so mcapply runs exclude each other with nothing left behind;
/// 2. then, holding it, `index.lock` as git takes it (created exclusively; here as a hard link of
///    `mcapply.lock`, a file only mcapply writes, holding a random nonce; across file systems a
///    copy of its bytes). A later run that finds `index.lock` with the same inode or bytes as a
///    `mcapply.lock` knows it is a crashed run's and removes it; any other `index.lock` belongs to
///    git, and the run stops (exit 3).
///
/// The pending note is `mcapply-pending` beside them, written through a temporary file.
final class GitWriterLock: WriterLock, @unchecked Sendable {
    private let folderLock: FolderLock
    private let token: String
    private let lockFile: String
    private let note: String
    package private(set) var pending: PendingApply?

    private init(folderLock: FolderLock, token: String, lockFile: String, note: String) {
        self.folderLock = folderLock
        self.token = token
        self.lockFile = lockFile
        self.note = note
        pending = Self.read(note)
    }

    static func acquire(gitDirectory: String, indexFile: String) throws(FileError) -> LockAttempt {
        let folder = gitDirectory.hasSuffix("/") ? String(gitDirectory.dropLast()) : gitDirectory
        guard let folderLock = try FolderLock.acquire(folder) else { return .held(.mcapply(path: folder)) }
        let token = folder + "/mcapply.lock"
        let lockFile = indexFile + ".lock"
        // Holding the folder lock, any token is a dead run's: so is an index.lock that is its twin.
        if FileStatus(token) != nil {
            if isTwin(lockFile, of: token) { try LocalFiles.removeFile(lockFile) }
            try LocalFiles.removeFile(token)
        }
        let content = Array("mcapply \(getpid()) \(UInt64.random(in: 1...UInt64.max))\n".utf8)
        try LocalFiles.writeNew(content, to: token)
        let taken: Bool
        do {
            taken = try LocalFiles.hardLink(token, as: lockFile)
        } catch {
            // No hard link across file systems (GIT_INDEX_FILE elsewhere): the same bytes, created exclusively.
            taken = try LocalFiles.createExclusive(content, at: lockFile)
        }
        guard taken else {
            _ = try? LocalFiles.removeFile(token)
            folderLock.release()
            return .held(.git(lockFile: lockFile))
        }
        return .acquired(GitWriterLock(folderLock: folderLock, token: token, lockFile: lockFile, note: folder + "/mcapply-pending"))
    }

    func record(_ pending: PendingApply?) throws(RepositoryError) {
        do {
            if let pending {
                let text = "\(pending.folder.string)\n\(pending.from ?? "")\n\(pending.to)\n"
                try LocalFiles.writeNew(Array(text.utf8), to: note + ".tmp")
                try LocalFiles.rename(note + ".tmp", to: note)
            } else {
                try LocalFiles.removeFile(note)
            }
        } catch {
            throw RepositoryError(error.message)
        }
        self.pending = pending
    }

    func release() {
        if Self.isTwin(lockFile, of: token) { _ = try? LocalFiles.removeFile(lockFile) }
        _ = try? LocalFiles.removeFile(token)
        folderLock.release()
    }

    /// Whether `lockFile` is the token's: the same file, or (across file systems) the same bytes.
    private static func isTwin(_ lockFile: String, of token: String) -> Bool {
        guard let locked = FileStatus(lockFile), let mine = FileStatus(token) else { return false }
        if locked.device == mine.device, locked.inode == mine.inode { return true }
        guard let bytes = LocalFiles.read(token), !bytes.isEmpty else { return false }
        return LocalFiles.read(lockFile) == bytes
    }

    private static func read(_ note: String) -> PendingApply? {
        guard let bytes = LocalFiles.read(note) else { return nil }
        let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard lines.count >= 3, let folder = RelativePath(lines[0]), !lines[2].isEmpty else { return nil }
        return PendingApply(folder: folder, from: lines[1].isEmpty ? nil : lines[1], to: lines[2])
    }
}

/// The writer lock of a rendered folder outside git: an advisory lock on its parent folder.
package final class FolderWriterLock: WriterLock, @unchecked Sendable {
    private let lock: FolderLock
    package var pending: PendingApply? { nil }

    private init(_ lock: FolderLock) {
        self.lock = lock
    }

    /// The lock for writing `folder` (an absolute path), taken on its parent.
    package static func acquire(writing folder: String) throws(RepositoryError) -> LockAttempt {
        let parent = folder.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let path = parent.isEmpty ? "/" : parent
        do {
            guard let lock = try FolderLock.acquire(path) else { return .held(.mcapply(path: path)) }
            return .acquired(FolderWriterLock(lock))
        } catch {
            throw RepositoryError(error.message)
        }
    }

    package func record(_ pending: PendingApply?) throws(RepositoryError) {}

    package func release() { lock.release() }
}
