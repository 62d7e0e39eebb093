import CGit2

/// An open repository; the handle is freed with the value.
package final class GitRepository {
    let handle: OpaquePointer

    private init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit { git_repository_free(handle) }

    /// The repository holding `path` (searching upwards as git does), or nil when there is none.
    /// Like git, it refuses repositories owned by another user unless `safe.directory` allows them.
    package static func discover(containing path: String) throws -> GitRepository? {
        _ = GitLibrary.initialized
        var buffer = git_buf()
        defer { git_buf_dispose(&buffer) }
        let found = git_repository_discover(&buffer, path, 0, nil)
        if found == GIT_ENOTFOUND.rawValue { return nil }
        try GitLibrary.check("git_repository_discover", found)
        var handle: OpaquePointer?
        try GitLibrary.check("git_repository_open", git_repository_open(&handle, buffer.ptr))
        return GitRepository(handle: handle!)
    }

    /// The work tree's root with a trailing slash, or nil for a bare repository.
    package var workingDirectory: String? {
        git_repository_workdir(handle).map { String(cString: $0) }
    }
}
