/// What reading a file found.
package enum FileRead: Sendable, Equatable {
    case contents([UInt8])
    case missing
    case notAFile
    /// A symlink on the way leads outside the root.
    case escapesRoot
    case tooLarge(limit: Int)
    case unreadable(String)
}

/// Read access to the files under one root folder.
package protocol FileSystem {
    /// The file at `path`, at most `limit` bytes; never follows a symlink out of the root.
    func read(_ path: RelativePath, limit: Int) -> FileRead
}
