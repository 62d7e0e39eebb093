import Crypto
import Foundation
import MCBasics

/// The index file read directly, in the versions git writes by default (2, and 3 for extended
/// flags): each entry's path, blob id, mode, flags and the `lstat` data recorded when it was
/// staged; and written again with a few entries changed (`rewritten`). Fifty thousand entries
/// are read in milliseconds, where libgit2's `git_index_read` takes a fifth of a second building
/// its maps. Nil for what it does not read (version 4, a split or sparse index, a mandatory
/// extension, a bad checksum, a short file): the caller then asks libgit2.
struct IndexFile {
    /// An entry with what `lstat` recorded when it was staged.
    struct Entry: Sendable {
        /// The path relative to the prefix the entries were read under.
        var path: String
        var id: ObjectID
        var mode: UInt32
        /// Stage 0, and neither assume-valid, intent-to-add nor skip-worktree (a sparse checkout).
        var isPlain: Bool
        var status: RecordedStatus
    }

    /// A file's status as an index entry records it: ten 32-bit words (times in seconds and
    /// nanoseconds, the rest truncated), named here, in the order they are stored.
    struct RecordedStatus: Sendable {
        var changeSeconds, changeNanoseconds, modificationSeconds, modificationNanoseconds: UInt32
        var device, inode, mode, user, group, size: UInt32

        init(_ status: FileStatus, mode: UInt32) {
            changeSeconds = UInt32(truncatingIfNeeded: status.changeSeconds)
            changeNanoseconds = UInt32(bitPattern: status.changeNanoseconds)
            modificationSeconds = UInt32(truncatingIfNeeded: status.modificationSeconds)
            modificationNanoseconds = UInt32(bitPattern: status.modificationNanoseconds)
            device = UInt32(truncatingIfNeeded: status.device)
            inode = UInt32(truncatingIfNeeded: status.inode)
            self.mode = mode
            user = status.user
            group = status.group
            size = UInt32(truncatingIfNeeded: status.size)
        }

        fileprivate init(_ raw: UnsafeRawBufferPointer, at offset: Int) {
            (changeSeconds, changeNanoseconds) = (raw.word(at: offset), raw.word(at: offset + 4))
            (modificationSeconds, modificationNanoseconds) = (raw.word(at: offset + 8), raw.word(at: offset + 12))
            (device, inode, mode) = (raw.word(at: offset + 16), raw.word(at: offset + 20), raw.word(at: offset + 24))
            (user, group, size) = (raw.word(at: offset + 28), raw.word(at: offset + 32), raw.word(at: offset + 36))
        }

        /// In the order the index stores them.
        var words: [UInt32] {
            [changeSeconds, changeNanoseconds, modificationSeconds, modificationNanoseconds, device, inode, mode, user, group, size]
        }

        /// The modification time, to order against the index file's own.
        var modification: (seconds: Int32, nanoseconds: UInt32) { (Int32(bitPattern: modificationSeconds), modificationNanoseconds) }

        /// Whether a work-tree file with `other` is as staged, as `git status` judges it without
        /// reading the file: the same times, inode, owner and size (not the device, which libgit2
        /// does not compare either; the mode is the caller's to compare).
        func isSame(as other: RecordedStatus) -> Bool {
            (changeSeconds, changeNanoseconds, modificationSeconds, modificationNanoseconds)
                == (other.changeSeconds, other.changeNanoseconds, other.modificationSeconds, other.modificationNanoseconds)
                && (inode, user, group, size) == (other.inode, other.user, other.group, other.size)
        }
    }

    /// The entries under `prefix` (a folder's path with a trailing slash), in index order.
    var entries: [Entry]
    /// When the index file was last written: an entry as new as it may be racily clean.
    var modification: (seconds: Int32, nanoseconds: UInt32)

    init?(path: String, under prefix: String) {
        guard let (bytes, status) = LocalFiles.readWithStatus(path) else { return nil }
        modification = RecordedStatus(status, mode: 0).modification
        let prefix = Array(prefix.utf8)
        guard let entries = bytes.withUnsafeBytes({ raw -> [Entry]? in
            guard let layout = Layout(raw) else { return nil }
            return layout.entries.compactMap { place in
                let path = UnsafeRawBufferPointer(rebasing: raw[place.path])
                guard path.count >= prefix.count, prefix.withUnsafeBytes({ path.starts(with: $0) }) else { return nil }
                let offset = place.bytes.lowerBound
                let flags = raw.half(at: offset + 60)
                let extendedFlags = flags & 0x4000 != 0 ? raw.half(at: offset + 62) : 0
                return Entry(
                    path: String(decoding: path.dropFirst(prefix.count), as: UTF8.self),
                    id: ObjectID(UnsafeRawBufferPointer(rebasing: raw[(offset + 40)..<(offset + 60)])), mode: raw.word(at: offset + 24),
                    isPlain: flags & 0xB000 == 0 && extendedFlags & 0x6000 == 0, status: RecordedStatus(raw, at: offset))
            }
        }) else { return nil }
        self.entries = entries
    }

    /// Where an index file's entries and extensions lie, once its header, checksum and extensions
    /// are found to be ones this reads.
    struct Layout {
        /// Each entry's bytes (padding included) and its path's, in index order.
        var entries: [(bytes: Range<Int>, path: Range<Int>)] = []
        /// Each extension's bytes (signature and size included), in file order.
        var extensions: [(signature: UInt32, bytes: Range<Int>)] = []

        /// The position of the first entry whose path is not before `path` (entries are in path order).
        func first(atLeast path: ArraySlice<UInt8>, in raw: UnsafeRawBufferPointer) -> Int? {
            var low = 0
            var high = entries.count
            while low < high {
                let middle = (low + high) / 2
                if raw[entries[middle].path].lexicographicallyPrecedes(path) { low = middle + 1 } else { high = middle }
            }
            return low < entries.count ? low : nil
        }

        init?(_ raw: UnsafeRawBufferPointer) {
            let body = raw.count - 20
            guard raw.count >= 32, raw.word(at: 0) == 0x4449_5243, [2, 3].contains(raw.word(at: 4)), IndexFile.verifies(raw) else { return nil }
            let count = Int(raw.word(at: 8))
            entries.reserveCapacity(count)
            var offset = 12
            for _ in 0..<count {
                guard offset + 62 <= body else { return nil }
                let pathStart = offset + (raw.half(at: offset + 60) & 0x4000 != 0 ? 64 : 62)
                guard pathStart < body, let terminator = raw[pathStart..<body].firstIndex(of: 0) else { return nil }
                // Each entry is padded with NULs to a multiple of eight bytes, its path NUL-terminated.
                let end = offset + (pathStart - offset + (terminator - pathStart) + 8) & ~7
                guard end <= body else { return nil }
                entries.append((offset..<end, pathStart..<terminator))
                offset = end
            }
            // A split index ("link") or sparse directories ("sdir"), like any extension git must
            // understand (a lower-case first letter), change what the entries mean.
            while offset + 8 <= body {
                let signature = raw.word(at: offset)
                let end = offset + 8 + Int(raw.word(at: offset + 4))
                guard signature >> 24 >= 0x41, signature >> 24 <= 0x5A, end <= body else { return nil }
                extensions.append((signature, offset..<end))
                offset = end
            }
            guard offset == body else { return nil }
        }
    }

    /// A new stage-0 entry: its full path, blob id (mode 100644) and the work-tree file's status.
    struct NewEntry {
        var path: [UInt8]
        var id: ObjectID
        var status: FileStatus
    }

    /// The index file `raw` with every entry at a path of `dropping` (full paths, every stage)
    /// gone and `adding` (whose paths are in `dropping`) in their places, in git's order: by path
    /// bytes, then stage. The other entries are copied as they are; so is the resolve-undo
    /// extension. The extensions that describe the old entries (the cache tree, the untracked
    /// cache, entry offsets, the fsmonitor token, any other optional one) are left out for git
    /// to make again, as git leaves out what it does not know. Nil for an index the reader does
    /// not read: libgit2 then writes it.
    static func rewritten(_ raw: [UInt8], dropping: Set<[UInt8]>, adding: [NewEntry]) -> [UInt8]? {
        guard let rewrite = Rewrite(raw, dropping: dropping, adding: adding) else { return nil }
        var out: [UInt8] = []
        try? rewrite.write { (piece: UnsafeRawBufferPointer) throws(FileError) in out.append(contentsOf: piece) }
        return out
    }

    /// `rewritten`, checked first (nil for an index the reader does not read, or entries it
    /// leaves to libgit2), then handed to a writer a piece at a time (a megabyte or so) instead
    /// of made whole: the index of 200,000 files is 31 MB, and one buffer of it held that twice.
    struct Rewrite {
        private let raw: [UInt8]
        private let layout: Layout
        private let added: [NewEntry]
        private let drops: [[UInt8]]

        init?(_ raw: [UInt8], dropping: Set<[UInt8]>, adding: [NewEntry]) {
            let added = adding.sorted { $0.path.lexicographicallyPrecedes($1.path) }
            // Both lists in path order: each entry is matched against the next path to drop.
            let drops = dropping.sorted { $0.lexicographicallyPrecedes($1) }
            guard let layout = raw.withUnsafeBytes({ raw in
                Layout(raw).flatMap { Self.collides(added, dropping: drops, with: $0, in: raw) ? nil : $0 }
            }) else { return nil }
            (self.raw, self.layout, self.added, self.drops) = (raw, layout, added, drops)
        }

        /// Whether an added file is where a kept entry's folder is, or a folder where a kept file
        /// is: that would make an index git refuses, and libgit2 then decides (it replaces the
        /// entries in the way). `drops` is in path order.
        private static func collides(_ added: [NewEntry], dropping drops: [[UInt8]], with layout: Layout,
                                     in raw: UnsafeRawBufferPointer) -> Bool {
            func isDropped<Path: Collection<UInt8>>(_ path: Path) -> Bool {
                var low = 0
                var high = drops.count
                while low < high {
                    let middle = (low + high) / 2
                    if drops[middle].lexicographicallyPrecedes(path) { low = middle + 1 } else { high = middle }
                }
                return low < drops.count && drops[low].elementsEqual(path)
            }
            func isKept(_ path: ArraySlice<UInt8>) -> Bool {
                layout.first(atLeast: path, in: raw).map { raw[layout.entries[$0].path].elementsEqual(path) } == true && !isDropped(path)
            }
            func holdsKept(under folder: [UInt8]) -> Bool {
                var position = layout.first(atLeast: folder[...], in: raw) ?? layout.entries.endIndex
                while position < layout.entries.endIndex {
                    let path = UnsafeRawBufferPointer(rebasing: raw[layout.entries[position].path])
                    guard path.starts(with: folder) else { return false }
                    if !isDropped(path) { return true }
                    position += 1
                }
                return false
            }
            return added.contains { entry in
                let slashes = entry.path.indices.filter { entry.path[$0] == UInt8(ascii: "/") }
                return slashes.contains { isKept(entry.path[..<$0]) } || holdsKept(under: entry.path + [UInt8(ascii: "/")])
            }
        }

        /// Hands the new index to `emit`, its checksum last; stops at the first error `emit` throws.
        func write(into emit: (UnsafeRawBufferPointer) throws(FileError) -> Void) throws(FileError) {
            var failure: FileError?
            raw.withUnsafeBytes { raw in
                // The entries kept, counted first: the count is in the header, which the checksum covers.
                func keptEntries(_ visit: ((bytes: Range<Int>, path: Range<Int>)) -> Void) {
                    var nextDrop = drops.startIndex
                    for place in layout.entries where failure == nil {
                        let path = UnsafeRawBufferPointer(rebasing: raw[place.path])
                        while nextDrop < drops.endIndex, drops[nextDrop].lexicographicallyPrecedes(path) { nextDrop += 1 }
                        if nextDrop < drops.endIndex, drops[nextDrop].elementsEqual(path) { continue }
                        visit(place)
                    }
                }
                var kept = 0
                keptEntries { _ in kept += 1 }

                var hasher = Insecure.SHA1()
                func send(_ piece: UnsafeRawBufferPointer) {
                    guard failure == nil else { return }
                    do throws(FileError) { try emit(piece) } catch { failure = error }
                }
                var out: [UInt8] = []
                out.reserveCapacity(IndexFile.pieceSize + 4096)
                func flush(atLeast size: Int) {
                    guard out.count >= size, !out.isEmpty else { return }
                    out.withUnsafeBytes { piece in
                        hasher.update(bufferPointer: piece)
                        send(piece)
                    }
                    out.removeAll(keepingCapacity: true)
                }
                out.append(contentsOf: raw[0..<8])
                withUnsafeBytes(of: UInt32(kept + added.count).bigEndian) { out.append(contentsOf: $0) }
                var next = added.startIndex
                func append(_ entry: NewEntry) {
                    for word in RecordedStatus(entry.status, mode: 0o100644).words {
                        withUnsafeBytes(of: word.bigEndian) { out.append(contentsOf: $0) }
                    }
                    entry.id.withRawBytes { out.append(contentsOf: $0) }
                    withUnsafeBytes(of: UInt16(min(entry.path.count, 0xFFF)).bigEndian) { out.append(contentsOf: $0) }
                    out.append(contentsOf: entry.path)
                    out.append(contentsOf: repeatElement(0, count: 8 - (62 + entry.path.count) % 8))
                    flush(atLeast: IndexFile.pieceSize)
                }
                keptEntries { place in
                    while next < added.endIndex, added[next].path.lexicographicallyPrecedes(raw[place.path]) {
                        append(added[next])
                        next += 1
                    }
                    out.append(contentsOf: raw[place.bytes])
                    flush(atLeast: IndexFile.pieceSize)
                }
                while next < added.endIndex {
                    append(added[next])
                    next += 1
                }
                for (signature, bytes) in layout.extensions where signature == 0x5245_5543 { out.append(contentsOf: raw[bytes]) }
                flush(atLeast: 1)
                hasher.finalize().withUnsafeBytes { send($0) }
            }
            if let failure { throw failure }
        }
    }

    /// How much of a rewritten index is handed on at a time.
    fileprivate static let pieceSize = 1 << 20

    /// Whether the trailing SHA-1 is that of the rest (or zero, as `index.skipHash` writes it).
    static func verifies(_ raw: UnsafeRawBufferPointer) -> Bool {
        let trailer = UnsafeRawBufferPointer(rebasing: raw[(raw.count - 20)...])
        if trailer.allSatisfy({ $0 == 0 }) { return true }
        var hasher = Insecure.SHA1()
        hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: raw[..<(raw.count - 20)]))
        return hasher.finalize().withUnsafeBytes { $0.elementsEqual(trailer) }
    }
}

extension UnsafeRawBufferPointer {
    /// The big-endian 32-bit word at `offset`, as the index stores its numbers.
    fileprivate func word(at offset: Int) -> UInt32 { UInt32(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt32.self)) }

    /// The big-endian 16-bit half-word at `offset`.
    fileprivate func half(at offset: Int) -> UInt16 { UInt16(bigEndian: loadUnaligned(fromByteOffset: offset, as: UInt16.self)) }
}
