import Crypto
import Foundation
import MCBasics

/// The index file read directly, in the versions git writes by default (2, and 3 for extended
/// flags): each entry's path, blob id, mode, flags and the `lstat` data recorded when it was
/// staged. Fifty thousand entries read in milliseconds, where libgit2's `git_index_read` takes a
/// fifth of a second building its maps. Reads only; nil for what it does not read (version 4, a
/// split or sparse index, a bad checksum, a short file), and the caller then asks libgit2.
struct IndexFile {
    /// An entry with what `lstat` recorded when it was staged.
    struct Entry: Sendable {
        /// The path relative to the prefix the entries were read under.
        var path: String
        var id: ObjectID
        var mode: UInt32
        /// Stage 0, and neither assume-valid, intent-to-add nor skip-worktree (a sparse checkout).
        var isPlain: Bool
        var modification: (seconds: Int32, nanoseconds: UInt32)
        var change: (seconds: Int32, nanoseconds: UInt32)
        var inode: UInt32
        var user: UInt32
        var group: UInt32
        var size: UInt32
    }

    /// The entries under `prefix` (a folder's path with a trailing slash), in index order.
    var entries: [Entry]
    /// When the index file was last written: an entry as new as it may be racily clean.
    var modification: (seconds: Int32, nanoseconds: UInt32)

    init?(path: String, under prefix: String) {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size >= 32 else { return nil }
        var bytes = [UInt8](repeating: 0, count: Int(info.st_size))
        var filled = 0
        while filled < bytes.count {
            let count = bytes.withUnsafeMutableBytes { read(descriptor, $0.baseAddress! + filled, $0.count - filled) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return nil }
            filled += count
        }
        modification = (Int32(truncatingIfNeeded: info.st_mtim.tv_sec), UInt32(truncatingIfNeeded: info.st_mtim.tv_nsec))
        guard let entries = bytes.withUnsafeBytes({ Self.parse($0, under: Array(prefix.utf8)) }) else { return nil }
        self.entries = entries
    }

    private static func parse(_ raw: UnsafeRawBufferPointer, under prefix: [UInt8]) -> [Entry]? {
        func word(_ offset: Int) -> UInt32 { UInt32(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }
        func half(_ offset: Int) -> UInt16 { UInt16(bigEndian: raw.loadUnaligned(fromByteOffset: offset, as: UInt16.self)) }
        let body = raw.count - 20
        guard raw.count >= 32, word(0) == 0x4449_5243, [2, 3].contains(word(4)), verifies(raw) else { return nil }
        let count = Int(word(8))
        var entries: [Entry] = []
        var offset = 12
        for _ in 0..<count {
            guard offset + 62 <= body else { return nil }
            let flags = half(offset + 60)
            let extended = flags & 0x4000 != 0
            let extendedFlags = extended ? half(offset + 62) : 0
            let pathStart = offset + (extended ? 64 : 62)
            guard pathStart < body, let terminator = raw[pathStart..<body].firstIndex(of: 0) else { return nil }
            let path = UnsafeRawBufferPointer(rebasing: raw[pathStart..<terminator])
            if path.count >= prefix.count, prefix.withUnsafeBytes({ path.starts(with: $0) }) {
                entries.append(Entry(
                    path: String(decoding: path.dropFirst(prefix.count), as: UTF8.self),
                    id: ObjectID(UnsafeRawBufferPointer(rebasing: raw[(offset + 40)..<(offset + 60)])), mode: word(offset + 24),
                    isPlain: flags & 0xB000 == 0 && extendedFlags & 0x6000 == 0,
                    modification: (Int32(bitPattern: word(offset + 8)), word(offset + 12)),
                    change: (Int32(bitPattern: word(offset)), word(offset + 4)),
                    inode: word(offset + 20), user: word(offset + 28), group: word(offset + 32), size: word(offset + 36)))
            }
            // Each entry is padded with NULs to a multiple of eight bytes, its path NUL-terminated.
            offset += (pathStart - offset + path.count + 8) & ~7
        }
        // Extensions: a split index ("link") or sparse directories ("sdir") change what the entries mean.
        while offset + 8 <= body {
            let signature = word(offset)
            if signature == 0x6C69_6E6B || signature == 0x7364_6972 { return nil }
            offset += 8 + Int(word(offset + 4))
        }
        return offset == body ? entries : nil
    }

    /// Whether the trailing SHA-1 is that of the rest (or zero, as `index.skipHash` writes it).
    private static func verifies(_ raw: UnsafeRawBufferPointer) -> Bool {
        let trailer = UnsafeRawBufferPointer(rebasing: raw[(raw.count - 20)...])
        if trailer.allSatisfy({ $0 == 0 }) { return true }
        var hasher = Insecure.SHA1()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 20)]))
        return hasher.finalize().withUnsafeBytes { $0.elementsEqual(trailer) }
    }
}
