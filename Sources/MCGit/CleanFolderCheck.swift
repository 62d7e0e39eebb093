import CGit2
import Foundation
import MCBasics

/// The quick proof that a folder has no uncommitted change, from what git already records: the
/// index equals HEAD's tree (same paths, ids and modes; nothing staged, in conflict, intent-to-add
/// or sparse), each work-tree file's `lstat` still matches its index entry (as `git status`
/// decides without reading the file), and each work-tree folder holds as many names as the index
/// gives it, none a symlink. A file whose status differs, or is as new as the index itself
/// (racily clean), is read and hashed: the same bytes as its blob keep the proof. Anything else
/// (an extra or missing name, another type or mode, other bytes) ends it with `false`, and the
/// caller asks libgit2's full status, which knows ignore rules, filters and every other case. So
/// the answer is never "clean" where git would list a change; only the common clean case is fast.
extension GitRepository {
    func isProvablyClean(under folder: RelativePath) -> Bool {
        guard let workTree = workingDirectory, let index = IndexFile(path: indexFile, under: folder.string + "/"),
              (try? headHolds(index.entries, under: folder)) == true else { return false }
        let (entries, indexTime) = (index.entries, index.modification)
        guard let root = Self.openFolder(workTree, folder) else { return entries.isEmpty && errno == ENOENT }
        defer { close(root) }
        // Every entry's file unchanged, and every folder holding as many names as the index gives
        // it: then nothing is missing (each file was found) and nothing is extra.
        let (folders, runs) = Self.layout(of: entries)
        let base = workTree + folder.string + "/"
        let clean = Parallel.map(runs.count + folders.count) { index in
            if index < runs.count {
                return Self.unchanged(entries[runs[index].entries], in: runs[index].folder, root: root, base: base, indexTime: indexTime)
            }
            return Self.holds(folders[index - runs.count].path, names: folders[index - runs.count].names, root: root)
        }
        return !clean.contains(false)
    }

    /// Whether HEAD's tree under `folder` holds exactly `entries`, each plain: the same paths in
    /// the same order (a tree's depth-first order is the index's), ids and modes. Walked in
    /// place with one path buffer: no list of HEAD's tens of thousands of files is made.
    private func headHolds(_ entries: [IndexFile.Entry], under folder: RelativePath) throws -> Bool {
        guard let commit = try commit("HEAD") else { return entries.isEmpty }
        var next = 0
        var path: [UInt8] = []
        let held = try withFolderTree(folder, at: commit) { _, tree in try holds(entries, from: &next, in: tree, at: &path) }
        return (held ?? true) && next == entries.count
    }

    /// Whether the files under `tree` (whose path is `path`, relative to the folder) are the
    /// entries from `next` on, in order; `next` is moved past them.
    private func holds(_ entries: [IndexFile.Entry], from next: inout Int, in tree: OpaquePointer, at path: inout [UInt8]) throws -> Bool {
        let start = path.count
        defer { path.removeSubrange(start...) }
        for index in 0..<git_tree_entrycount(tree) {
            let entry = git_tree_entry_byindex(tree, index)!
            path.removeSubrange(start...)
            if start > 0 { path.append(UInt8(ascii: "/")) }
            let name = git_tree_entry_name(entry)!
            path.append(contentsOf: UnsafeRawBufferPointer(start: name, count: strlen(name)))
            if git_tree_entry_type(entry) == GIT_OBJECT_TREE {
                var child: OpaquePointer?
                try GitLibrary.check("git_tree_lookup", git_tree_lookup(&child, handle, git_tree_entry_id(entry)))
                defer { git_tree_free(child) }
                guard try holds(entries, from: &next, in: child!, at: &path) else { return false }
                continue
            }
            guard next < entries.count else { return false }
            let indexed = entries[next]
            next += 1
            guard indexed.isPlain, indexed.mode == git_tree_entry_filemode(entry).rawValue,
                  indexed.id == ObjectID(git_tree_entry_id(entry)), indexed.path.utf8.elementsEqual(path) else { return false }
        }
        return true
    }

    /// The folder opened as a directory, each of its components refused when it is a symlink
    /// (git does not follow one); nil, with `errno` set, when it cannot be.
    private static func openFolder(_ workTree: String, _ folder: RelativePath) -> Int32? {
        var descriptor = open(workTree, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        for component in folder.components where descriptor >= 0 {
            let next = openat(descriptor, component, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let failure = errno
            close(descriptor)
            errno = failure
            descriptor = next
        }
        return descriptor >= 0 ? descriptor : nil
    }

    /// The folders the index implies under the folder ("" for the folder itself), each with the
    /// number of names it must hold (its files and its subfolders); and the runs of entries that
    /// share a folder, in order.
    private static func layout(of entries: [IndexFile.Entry]) -> (folders: [(path: String, names: Int)], runs: [(folder: String, entries: Range<Int>)]) {
        var counts: [String: Int] = ["": 0]
        var known: Set<String> = []
        var runs: [(folder: String, entries: Range<Int>)] = []
        // Entries come sorted, so most share the previous one's folder: a run of them counts once.
        var folder: Substring = ""
        var start = 0
        func endRun(at end: Int) {
            guard end > start else { return }
            counts[String(folder), default: 0] += end - start
            runs.append((String(folder), start..<end))
        }
        for (index, entry) in entries.enumerated() {
            let path = entry.path
            let parent = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[..<$0] } ?? ""
            guard parent != folder else { continue }
            endRun(at: index)
            (folder, start) = (parent, index)
            // A folder seen for the first time is a name in its parent, and so on upwards.
            var child = parent
            while !child.isEmpty, known.insert(String(child)).inserted {
                child = child.utf8.lastIndex(of: UInt8(ascii: "/")).map { child[..<$0] } ?? ""
                counts[String(child), default: 0] += 1
            }
        }
        endRun(at: entries.count)
        return (counts.map { ($0.key, $0.value) }, runs)
    }

    /// `folder` under `root` opened as a directory, refused when it is a symlink.
    private static func subfolder(_ folder: String, in root: Int32) -> Int32 {
        folder.isEmpty ? dup(root) : openat(root, folder, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
    }

    /// Whether each file of a run of entries in one folder is unchanged (`base`: the folder
    /// checked, as an absolute path with a trailing slash).
    private static func unchanged(_ run: ArraySlice<IndexFile.Entry>, in folder: String, root: Int32, base: String,
                                  indexTime: (seconds: Int32, nanoseconds: UInt32)) -> Bool {
        let descriptor = subfolder(folder, in: root)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let skip = folder.isEmpty ? 0 : folder.utf8.count + 1
        return run.allSatisfy { entry in
            unchanged(entry, nameFrom: skip, in: descriptor, base: base, indexTime: indexTime)
        }
    }

    /// Whether the work-tree folder `path` (not a symlink) holds exactly `expected` names.
    private static func holds(_ path: String, names expected: Int, root: Int32) -> Bool {
        let descriptor = subfolder(path, in: root)
        guard descriptor >= 0 else { return false }
        guard let directory = fdopendir(descriptor) else {
            close(descriptor)
            return false
        }
        defer { closedir(directory) }
        var names = 0
        while let item = readdir(directory) {
            let isDots = withUnsafeBytes(of: item.pointee.d_name) { name in
                name[0] == UInt8(ascii: ".") && (name[1] == 0 || name[1] == UInt8(ascii: ".") && name[2] == 0)
            }
            if !isDots { names += 1 }
        }
        return names == expected
    }

    /// Whether the file in `directory` named by `entry`'s path from byte `nameFrom` on is what
    /// `entry` records: its status as staged and older than the index, or else the same bytes as
    /// the blob (read at `base` and the entry's path). A symlink whose status moved is left to
    /// libgit2 (a rendered folder holds none). The name is read in place: tens of thousands of
    /// files are checked.
    private static func unchanged(_ entry: IndexFile.Entry, nameFrom skip: Int, in directory: Int32, base: String,
                                  indexTime: (seconds: Int32, nanoseconds: UInt32)) -> Bool {
        var info = stat()
        guard entry.path.withCString({ fstatat(directory, $0 + skip, &info, AT_SYMLINK_NOFOLLOW) }) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        let mode: UInt32 = type == S_IFLNK ? 0o120000 : type != S_IFREG ? 0 : info.st_mode & S_IXUSR != 0 ? 0o100755 : 0o100644
        guard mode == entry.mode else { return false }
        let status = IndexFile.RecordedStatus(FileStatus(info), mode: mode)
        if status.isSame(as: entry.status), status.modification < indexTime { return true }
        guard type == S_IFREG, let bytes = LocalFiles.read(base + entry.path) else { return false }
        return ObjectID.blob(holding: bytes) == entry.id
    }
}
